"""Reports: what the notebooks show (`show`), figures (`plotting`), HTML reports and the index
(`html`)."""
