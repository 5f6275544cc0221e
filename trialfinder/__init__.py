"""TrialFinder: might the CAR-T study NCT06686524 fit a child with refractory JDM?"""

__version__ = "0.1.0"
