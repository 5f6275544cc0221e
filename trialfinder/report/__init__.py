"""The summary a family takes away: HTML for QTextDocument, PDF and print."""
