package kernel

// Rule IDs for bad arguments to DDIs (the same IDs as package ndis uses for
// the CoNDIS DDIs).
const (
	// RuleBadHandle: a handle parameter is NULL where the page requires
	// one, or holds something other than the kind of handle the page names
	// (a driver's own context where a work-item handle belongs, a handle
	// from an earlier run).
	RuleBadHandle = "bad-handle"
	// RuleBadParameter: a non-handle parameter breaks its page: a required
	// pointer is NULL, a value is out of the documented range.
	RuleBadParameter = "bad-parameter"
)

// BadHandle reports RuleBadHandle for parameter param of ddi.
func (s *State) BadHandle(ddi, param, problem string) {
	s.Report(RuleBadHandle, "%s: %s %s", ddi, param, problem)
}

// BadParameter reports RuleBadParameter for parameter param of ddi.
func (s *State) BadParameter(ddi, param, problem string) {
	s.Report(RuleBadParameter, "%s: %s %s", ddi, param, problem)
}
