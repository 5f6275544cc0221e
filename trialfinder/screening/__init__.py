"""The screening engine: facts, three-valued rules and the verdict. No Qt here."""
