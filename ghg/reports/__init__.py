"""What people read: the park's HTML report (:mod:`~ghg.reports.html`, its content gathered by
:mod:`~ghg.reports.review`), charts (:mod:`~ghg.reports.charts`) and the pathway's published files
(:mod:`~ghg.reports.pathway`)."""
