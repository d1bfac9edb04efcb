"""Decarbonisation pathways to 2050: scenarios with drivers, the grid's trajectory and abatement measures
(:mod:`~ghg.pathways.scenario`), the projection (:mod:`~ghg.pathways.projection`), targets and gaps
(:mod:`~ghg.pathways.targets`), the marginal abatement cost curve (:mod:`~ghg.pathways.macc`), the IAMC
export (:mod:`~ghg.pathways.iamc`), output tables (:mod:`~ghg.pathways.output`) and the uncertainty of the
inventory and the pathway (:mod:`~ghg.pathways.uncertainty`)."""
