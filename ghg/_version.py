"""The installed version of ghg (recorded in every run's manifest and report)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("ghg")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+source"
