package vclifetime

import (
	"strings"

	"github.com/ndislint/ndislint/rules"
)

// model is what the pass reads of the catalogue's two VC lifetimes, the
// client's own VCs (rules.ObjectVcClient) and the call manager's as the
// client sees them (rules.ObjectVcCM). Every role and DDI the checks are
// about is found here, by the shape of the edges, never by name; a part the
// catalogue lacks stays empty and the checks that need it say nothing.
type model struct {
	client, cm *rules.Lifetime

	// cmCreate are the roles in which the client learns of a VC the call
	// manager created (vc-cm's creation edges); clientCreate the DDIs by
	// which it creates its own (vc-client's).
	cmCreate     []*rules.Role
	clientCreate map[string]bool

	// closeRole is the role whose call kills the handle of a VC the call
	// manager created (vc-cm's role edge that invalidates the handle);
	// closeDDIs are the DDIs it completes.
	closeRole *rules.Role
	closeDDIs map[string]bool
	// endRole is the role after which a VC's context is gone (vc-cm's role
	// edge that invalidates the context).
	endRole *rules.Role

	// deletes are vc-client's DDI edges that invalidate the handle (the
	// delete), by DDI; syncCloses are vc-cm's (a close that completes
	// synchronously).
	deletes, syncCloses map[string]*rules.Edge
	// setups are, by DDI, vc-client's DDI edges that leave the VC in a state
	// no delete edge leaves: a call made, a close under way.
	setups map[string][]*rules.Edge

	// closeOK is closeRole's condition on vc-client that leads to a state
	// the delete leaves (Status == NDIS_STATUS_SUCCESS), nil when there is
	// no single such status; afterSuccess are the DDIs the client may call
	// on its VC from the states closeOK leads to but from none that
	// closeRole's other edges lead to.
	closeOK      *rules.Cond
	afterSuccess map[string]bool

	// kinds are, by role, the creators of the VCs whose context the role
	// receives: a role that is an edge of vc-client only runs for the
	// client's VCs (PROTOCOL_CL_MAKE_CALL_COMPLETE), one of vc-cm only for
	// the call manager's (PROTOCOL_CL_INCOMING_CALL, PROTOCOL_CO_DELETE_VC);
	// a role of both, or of neither, says nothing.
	kinds map[string]Creator
}

// newModel reads the VC lifetimes of cat.
func newModel(cat *rules.Catalogue) *model {
	m := &model{
		client: cat.Lifetime(rules.ObjectVcClient), cm: cat.Lifetime(rules.ObjectVcCM),
		clientCreate: map[string]bool{}, closeDDIs: map[string]bool{},
		deletes: map[string]*rules.Edge{}, syncCloses: map[string]*rules.Edge{},
		setups: map[string][]*rules.Edge{}, afterSuccess: map[string]bool{},
	}
	if m.client == nil || m.cm == nil || m.client.Handle != m.cm.Handle {
		m.client, m.cm = nil, nil // not two kinds of one handle: nothing to check
		return m
	}
	m.readCM(cat)
	m.readClient()
	m.readKinds()
	return m
}

// readKinds finds, for each role with an edge in the VC lifetimes, the
// creators of the VCs it runs for.
func (m *model) readKinds() {
	m.kinds = map[string]Creator{}
	for _, lc := range []struct {
		l *rules.Lifetime
		c Creator
	}{{m.client, ByClient}, {m.cm, ByCM}} {
		for i := range lc.l.Edges {
			if e := &lc.l.Edges[i]; e.Event == rules.EventRole {
				m.kinds[e.By] |= lc.c
			}
		}
	}
}

// kindsOf returns the creators of the VCs whose context role r receives:
// both when the lifetimes do not restrict it.
func (m *model) kindsOf(r *rules.Role) Creator {
	if r != nil {
		if k := m.kinds[r.Name]; k != 0 {
			return k
		}
	}
	return ByCM | ByClient
}

// readCM reads the roles and DDI edges of vc-cm.
func (m *model) readCM(cat *rules.Catalogue) {
	for _, e := range m.cm.Creation() {
		if r := cat.Role(e.By); r != nil && e.Event == rules.EventRole {
			m.cmCreate = append(m.cmCreate, r)
		}
	}
	if es := m.cm.Invalidating(m.cm.Handle, rules.EventRole); len(es) == 1 {
		m.closeRole = cat.Role(es[0].By)
	}
	if m.closeRole != nil {
		for _, d := range m.closeRole.Completes {
			m.closeDDIs[d] = true
		}
	}
	if es := m.cm.Invalidating(m.cm.Context, rules.EventRole); len(es) == 1 {
		m.endRole = cat.Role(es[0].By)
	}
	for _, e := range m.cm.Invalidating(m.cm.Handle, rules.EventDDI) {
		m.syncCloses[e.By] = e
	}
}

// readClient reads the DDI edges of vc-client, and what a close does to
// it.
func (m *model) readClient() {
	for _, e := range m.client.Creation() {
		if e.Event == rules.EventDDI {
			m.clientCreate[e.By] = true
		}
	}
	for _, e := range m.client.Invalidating(m.client.Handle, rules.EventDDI) {
		m.deletes[e.By] = e
	}
	for i := range m.client.Edges {
		e := &m.client.Edges[i]
		if e.Event == rules.EventDDI && m.deletes[e.By] == nil && !m.deletable(e.To) {
			m.setups[e.By] = append(m.setups[e.By], e)
		}
	}
	if m.closeRole != nil {
		m.readClose()
	}
}

// readClose finds closeOK and afterSuccess from closeRole's edges on
// vc-client.
func (m *model) readClose() {
	okStates, badStates := map[string]bool{}, map[string]bool{}
	for _, e := range m.client.EdgesBy(m.closeRole.Name) {
		if m.deletable(e.To) && e.Cond != nil && e.Cond.Op == "==" && len(e.Cond.Values) == 1 && m.closeOK == nil {
			m.closeOK = e.Cond
			okStates[e.To] = true
		} else {
			badStates[e.To] = true
		}
	}
	if m.closeOK == nil {
		return
	}
	allowed := func(states map[string]bool) map[string]bool {
		out := map[string]bool{}
		for s := range states {
			for _, e := range m.client.EdgesFrom(s) {
				if e.Event == rules.EventDDI {
					out[e.By] = true
				}
			}
		}
		return out
	}
	bad := allowed(badStates)
	for d := range allowed(okStates) {
		if !bad[d] {
			m.afterSuccess[d] = true
		}
	}
}

// deletable reports whether a delete edge of vc-client leaves state.
func (m *model) deletable(state string) bool {
	for _, e := range m.deletes {
		if e.Leaves(state) {
			return true
		}
	}
	return false
}

// isRole reports whether r is one of roles (by name: roles from one
// catalogue).
func isRole(r *rules.Role, roles ...*rules.Role) bool {
	for _, x := range roles {
		if x != nil && r != nil && x.Name == r.Name {
			return true
		}
	}
	return false
}

// cmCreateNames names the roles that create a CM VC, for messages.
func (m *model) cmCreateNames() string {
	var names []string
	for _, r := range m.cmCreate {
		names = append(names, r.GoName)
	}
	return strings.Join(names, " or ")
}

// clientCreateNames names the DDIs that create a client VC, for messages.
func (m *model) clientCreateNames() string {
	return strings.Join(sortedKeys(m.clientCreate), " or ")
}

// deadFor reports whether the DDI called name must not take a handle
// lifetime l has invalidated (its family is in l's Invalid families).
func deadFor(l *rules.Lifetime, cat *rules.Catalogue, name string) bool {
	d := cat.DDI(name)
	return l != nil && d != nil && l.InvalidFor(d.Family)
}
