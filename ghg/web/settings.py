"""Django's settings for the web application, made from :func:`ghg.web.config.from_environment`.

Production-safe by default: secure cookies and headers unless ``GHG_DEBUG=1`` or ``GHG_INSECURE_HTTP=1`` (the
loopback server of ``ghg serve``, plain HTTP), Argon2 password hashing, login throttling (django-axes),
upload size limits, Vietnamese first with an English switch. ``ghg serve --check`` runs Django's deployment
check against these settings.
"""

from __future__ import annotations

import os
from urllib.parse import unquote, urlparse

from ghg.web.config import from_environment, secret_key

CONFIG = from_environment()
CONFIG.home.mkdir(parents=True, exist_ok=True)

SECRET_KEY = secret_key(CONFIG.home)
DEBUG = CONFIG.debug
ALLOWED_HOSTS = list(CONFIG.allowed_hosts)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "axes",
    "ghg.web.apps.GhgWebConfig",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "ghg.web.access.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]
ROOT_URLCONF = "ghg.web.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ghg.web.access.context",
            ]
        },
    }
]
WSGI_APPLICATION = "ghg.web.wsgi.application"


def _database() -> dict[str, object]:
    if not CONFIG.database_url:
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(CONFIG.home / "ghg-web.sqlite3")}
    url = urlparse(CONFIG.database_url)
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": url.path.lstrip("/"),
        "USER": unquote(url.username or ""),
        "PASSWORD": unquote(url.password or ""),
        "HOST": url.hostname or "",
        "PORT": str(url.port or ""),
    }


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# login throttling: five failures lock the account and address for fifteen minutes
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_VERBOSE = False

# Vietnamese first, English by the switch; the texts come from ghg's one catalogue (ghg.i18n)
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Ho_Chi_Minh"

# uploads: kept on disk (never in memory beyond 2.5 MB), at most the configured size per request
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = CONFIG.max_upload_bytes + 1_048_576
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_TEMP_DIR = str(CONFIG.home / "tmp")
os.makedirs(FILE_UPLOAD_TEMP_DIR, exist_ok=True)

# security headers and cookies (all on unless plain HTTP on the loopback address is asked for)
_HTTPS = not (DEBUG or os.environ.get("GHG_INSECURE_HTTP") == "1")
SESSION_COOKIE_SECURE = _HTTPS
CSRF_COOKIE_SECURE = _HTTPS
SECURE_SSL_REDIRECT = _HTTPS and os.environ.get("GHG_BEHIND_PROXY_TLS") != "1"
SECURE_HSTS_SECONDS = 31_536_000 if _HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = _HTTPS
SECURE_HSTS_PRELOAD = _HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if os.environ.get("GHG_BEHIND_PROXY_TLS") == "1" else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_AGE = 8 * 3600
