package score

// names maps ids to values the way the spreadsheets' users expect them
// matched: exactly, or else trimmed and case-folded (see fold). The first
// value added under a folded id wins, as the reader keeps the first of
// duplicate rows.
type names[T any] struct {
	exact  map[string]T
	folded map[string]T
}

func newNames[T any](n int) names[T] {
	return names[T]{exact: make(map[string]T, n), folded: make(map[string]T, n)}
}

// add records v under id unless the folded id is taken; it reports whether
// v was recorded.
func (n names[T]) add(id string, v T) bool {
	k := fold(id)
	if _, dup := n.folded[k]; dup {
		return false
	}
	n.folded[k] = v
	n.exact[id] = v
	return true
}

// get looks an id up, exactly first (no allocation) and then folded.
func (n names[T]) get(id string) (T, bool) {
	if v, ok := n.exact[id]; ok {
		return v, true
	}
	v, ok := n.folded[fold(id)]
	return v, ok
}
