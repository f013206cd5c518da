"""Stage 04: temporal expressions (`timex`), document anchors (`anchors`), events (`events`)."""
