package ndissim

// What the simulated NDIS takes from the rule catalogue of the run
// (kernel.State.Catalogue): which DDI completes a pended request, which
// handler slots are mandatory. The catalogue decides; nothing here repeats
// its data.

// completer returns the DDI that completes a pended call of role: the
// catalogue's Role.CompletedBy, or for a miniport call manager (mcm) its
// Role.CompletedByMCM where the role has one.
func (w *world) completer(role string, mcm bool) string {
	if c := w.st.Catalogue(); c != nil {
		if r := c.Role(role); r != nil {
			if mcm && r.CompletedByMCM != "" {
				return r.CompletedByMCM
			}
			if r.CompletedBy != "" {
				return r.CompletedBy
			}
		}
	}
	return "the completion of " + role
}

// ddiCompleter returns the role NDIS calls to complete a pended call of
// ddi: the catalogue's DDI.CompletedBy.
func (w *world) ddiCompleter(ddi string) string {
	if c := w.st.Catalogue(); c != nil {
		if d := c.DDI(ddi); d != nil && d.CompletedBy != "" {
			return d.CompletedBy
		}
	}
	return "the completion of " + ddi
}
