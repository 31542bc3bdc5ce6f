"""`reelgraph extract`: print facts of articles (placeholder)."""
