"""Catalogue entries for partitioned datasets and the Dask engine (merged into :mod:`ghg.i18n`)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "problem.dataset_folder": {
        "en": "not a partition folder: name it year=YYYY or enterprise=NAME (hive style), or move its files",
        "vi": "không phải thư mục phân vùng: hãy đặt tên year=YYYY hoặc enterprise=TÊN (kiểu hive), hoặc chuyển tệp ra",
    },
    "problem.dataset_key_twice": {
        "en": "this partition key appears twice on the path: keep one level per key",
        "vi": "khóa phân vùng này xuất hiện hai lần trên đường dẫn: mỗi khóa chỉ một cấp",
    },
    "problem.dataset_year": {
        "en": "a year partition must be a whole year, e.g. year=2023",
        "vi": "phân vùng năm phải là một năm, ví dụ year=2023",
    },
    "problem.dataset_file_type": {
        "en": "not a data file of a dataset: the types read are {allowed} (move it out, or prefix its name with _)",
        "vi": "không phải tệp dữ liệu của bộ dữ liệu: chỉ đọc {allowed} (hãy chuyển ra, hoặc thêm _ trước tên)",
    },
    "problem.dataset_empty": {
        "en": "the folder holds no data file (.parquet, .csv) in year=/enterprise= partitions",
        "vi": "thư mục không có tệp dữ liệu (.parquet, .csv) trong các phân vùng year=/enterprise=",
    },
    "problem.partition_mismatch": {
        "en": "the record says otherwise than its folder ({partition}): move the record to its partition or correct it",
        "vi": "bản ghi khác với thư mục chứa nó ({partition}): hãy chuyển bản ghi sang đúng phân vùng hoặc sửa lại",
    },
    "store.hash_method": {
        "en": "unknown logical hash definition '{method}': this file was written by a newer ghg - upgrade to read it",
        "vi": "định nghĩa mã băm logic '{method}' không xác định: tệp do phiên bản ghg mới hơn ghi - hãy nâng cấp",
    },
    "engine.no_dask": {
        "en": "the Dask engine needs the packages dask and distributed ({detail}): pip install 'ghg[dask]'",
        "vi": "công cụ Dask cần các gói dask và distributed ({detail}): pip install 'ghg[dask]'",
    },
    "engine.unreachable": {
        "en": "cannot reach the Dask scheduler {scheduler} ({detail}); nothing was written",
        "vi": "không kết nối được bộ điều phối Dask {scheduler} ({detail}); chưa ghi gì",
    },
    "engine.task_failed": {
        "en": "the run failed on the cluster ({detail}); nothing was published - run it again",
        "vi": "lần chạy bị lỗi trên cụm máy ({detail}); chưa công bố gì - hãy chạy lại",
    },
    "usage.dataset_alone": {
        "en": "give either one dataset folder or activity files, not both",
        "vi": "hãy đưa một thư mục bộ dữ liệu hoặc các tệp số liệu hoạt động, không cả hai",
    },
    "usage.engine_dataset": {
        "en": "--engine dask runs over a dataset folder (year=/enterprise= partitions); give the folder",
        "vi": "--engine dask chạy trên một thư mục bộ dữ liệu (phân vùng year=/enterprise=); hãy đưa thư mục đó",
    },
    "cli.dataset_done": {
        "en": "{units} partition folders, {records} records, {lines} result lines ({engine} engine); "
        "logical hash {hash}",
        "vi": "{units} thư mục phân vùng, {records} bản ghi, {lines} dòng kết quả (công cụ {engine}); "
        "mã băm logic {hash}",
    },
    "cli.dataset_pruned": {
        "en": "{count} partition folders of other years than {year} were not read.",
        "vi": "{count} thư mục phân vùng của các năm khác {year} không được đọc.",
    },
    "help.opt.inventory.engine_name": {
        "en": "Where a dataset folder is calculated: local (this process, a partition at a time) or dask (a cluster).",
        "vi": "Nơi tính một thư mục bộ dữ liệu: local (tiến trình này, từng phân vùng) hoặc dask (một cụm máy).",
    },
    "help.opt.inventory.scheduler": {
        "en": "Address of a running Dask scheduler, e.g. tcp://10.0.0.5:8786 (default: a local cluster).",
        "vi": "Địa chỉ bộ điều phối Dask đang chạy, ví dụ tcp://10.0.0.5:8786 (mặc định: cụm cục bộ).",
    },
    "help.opt.inventory.task_mb": {
        "en": "With --engine dask: input megabytes of a dataset each Dask task calculates (small partition "
        "folders are grouped); a worker's memory grows with it, not with the dataset.",
        "vi": "Với --engine dask: số megabyte dữ liệu đầu vào mỗi tác vụ Dask tính (các thư mục phân vùng nhỏ "
        "được gộp); bộ nhớ của mỗi worker tăng theo giá trị này, không theo cỡ bộ dữ liệu.",
    },
    "help.opt.inventory.workers": {
        "en": "Worker processes of the local Dask cluster (when no --scheduler is given).",
        "vi": "Số tiến trình worker của cụm Dask cục bộ (khi không có --scheduler).",
    },
}
