"""Decarbonisation pathways to 2050: scenarios with drivers, the grid's trajectory and abatement measures
(:mod:`~ghg.pathways.scenario`), the projection (:mod:`~ghg.pathways.projection`), targets and gaps
(:mod:`~ghg.pathways.targets`), the workflow over the stored inventories (:mod:`~ghg.pathways.workflow`), the
marginal abatement cost curve (:mod:`~ghg.pathways.macc`), the IAMC export (:mod:`~ghg.pathways.iamc`), output
tables (:mod:`~ghg.pathways.output`), the uncertainty of the inventory (:mod:`~ghg.pathways.uncertainty`) and
of the pathway (:mod:`~ghg.pathways.bands`)."""
