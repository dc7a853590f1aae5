package kernel

import "github.com/ndislint/ndislint/rules"

// BadHandle reports rules.RuleBadHandle for parameter param of ddi.
func (s *State) BadHandle(ddi, param, problem string) {
	s.Report(rules.RuleBadHandle, "%s: %s %s", ddi, param, problem)
}

// BadParameter reports rules.RuleBadParameter for parameter param of ddi.
func (s *State) BadParameter(ddi, param, problem string) {
	s.Report(rules.RuleBadParameter, "%s: %s %s", ddi, param, problem)
}
