"""Running an inventory job: one job function for files and datasets (:mod:`~ghg.engines.job`), the
tasks of a partitioned dataset, run in this process or on a Dask cluster (:mod:`~ghg.engines.tasks`)."""
