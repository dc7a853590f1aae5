package kernel

import "github.com/ndislint/ndislint/rules"

// The run-time side of the catalogue's orders (rules.Order): a handler of
// one of an order's roles calls the order's DDI only once that run of the
// handler has called the earlier DDI (MiniportInitializeEx calls
// NdisMSetMiniportAttributes before NdisMRegisterIoPortRange).
// analyzers/ddiusage reports the same ID statically.

// checkOrder reports (ddi-order) the DDI named ddi, being called, when the
// innermost running handler's role is bound by an order of ddi and that
// handler has not called the order's earlier DDI yet. A call of the earlier
// DDI counts whatever it returned.
func (s *State) checkOrder(ddi string) {
	c := s.Catalogue()
	if c == nil || len(s.called) == 0 {
		return
	}
	role := s.Role()
	called := s.called[len(s.called)-1]
	for i := range c.Orders {
		o := &c.Orders[i]
		if o.DDI != ddi || !o.Binds(role) || called[o.After] {
			continue
		}
		callback := role
		if r := c.Role(role); r != nil {
			callback = r.Callback
		}
		s.Report(rules.RuleDDIOrder, "%s called in %s, which has not called %s yet: %s", ddi, callback, o.After, o.Reason)
	}
}

// noteCalled records that the innermost running handler called the DDI
// named ddi, when an order of the catalogue asks for it to come first.
func (s *State) noteCalled(ddi string) {
	c := s.Catalogue()
	if c == nil || len(s.called) == 0 {
		return
	}
	for i := range c.Orders {
		if c.Orders[i].After != ddi {
			continue
		}
		top := len(s.called) - 1
		if s.called[top] == nil {
			s.called[top] = map[string]bool{}
		}
		s.called[top][ddi] = true
		return
	}
}

// MarkCalled records that the innermost running handler has called the DDI
// named ddi, as noteCalled does when the DDI runs. It is for a harness that
// runs a handler's body with handles of no simulated object (the simulator's
// own tests of resources acquired in MiniportInitializeEx) and so stands in
// for a call, NdisMSetMiniportAttributes, that such a handle cannot make.
func (s *State) MarkCalled(ddi string) { s.noteCalled(ddi) }
