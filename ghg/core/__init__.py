"""The inventory itself: units, vocabulary and errors; reading activity files (CSV, workbooks, Parquet,
partitioned datasets) and the Excel template they follow; validation; factor releases; the calculation of
Scope 1 and Scope 2 per record and gas; result lines with lineage, their schema and logical hash; totals,
summaries and flags. It knows nothing of the store, the park or the reports."""
