package scaffold

// indexText is the starter narrative of the overview page.
const indexText = `+++
title = "Overview"
+++

This report answers the COO's question: does technology execution
measurably improve operational performance without increasing risk or
instability? As of {{ figure "as_of" }} the answer is **{{ figure "headline" }}**.

{{ figure "aligned_spend_share" }} of spend goes to aligned initiatives, and
{{ figure "metrics_improving_share" }} of operational metrics are improving.

_Replace this text with the story of the quarter: what moved, what did not,
and what you ask of the business._
`

// boardPackText is the starter narrative of the board pack.
const boardPackText = `+++
title = "Board pack"
+++

## Summary for the board

_Write three or four sentences for the board: the headline answer, the one
initiative that matters most this quarter, and the decision you need._

{{ chart "split" }}
`
