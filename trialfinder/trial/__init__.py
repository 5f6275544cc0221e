"""The trial record: model, ClinicalTrials.gov API v2 parser, and where records come from. No Qt."""
