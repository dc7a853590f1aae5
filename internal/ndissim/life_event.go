package ndissim

// An event as the lifetimes see it: a DDI or callback with the values of
// the arguments an edge's condition may test.

import (
	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// event is one DDI call or callback as an edge sees it.
type event struct {
	// by is the DDI or role (NDIS spelling).
	by string
	// args are the values of its parameters that a condition may test, by
	// page name: an NDIS_STATUS name, or nullArg / nonNullArg.
	args map[string]string
	// vouch is set when the simulator knows that the prose condition of an
	// opaque edge holds (the party passed to NdisClCloseCall is the last).
	vouch bool
	// mcm is set for a role of a miniport call manager, whose requests some
	// roles' pages complete with another DDI (Role.CompletedByMCM).
	mcm bool
}

// The values of a handle or context argument, as Cond.Values spell them.
const (
	nullArg    = "NULL"
	nonNullArg = "non-NULL"
)

// on returns the event by with the given arguments, as name/value pairs: a
// value is an ndis.Status or a handle (tested against NULL).
func on(by string, nameValues ...any) event {
	ev := event{by: by, args: map[string]string{}}
	for i := 0; i+1 < len(nameValues); i += 2 {
		name, _ := nameValues[i].(string)
		switch v := nameValues[i+1].(type) {
		case ndis.Status:
			ev.args[name] = v.String()
		case nil:
			ev.args[name] = nullArg
		default:
			ev.args[name] = nonNullArg
		}
	}
	return ev
}

// onStatus returns the event by with its status parameter (the one the
// catalogue gives kind status: Status, or _S_ for the NdisMCm* macros) set
// to st, and the other arguments as on takes them.
func (w *world) onStatus(by string, st ndis.Status, nameValues ...any) event {
	name := "Status"
	if c := w.st.Catalogue(); c != nil {
		var params []rules.Param
		if d := c.DDI(by); d != nil {
			params = d.Params
		} else if r := c.Role(by); r != nil {
			params = r.Params
		}
		for _, p := range params {
			if p.Kind == rules.KindStatus {
				name = p.Name
				break
			}
		}
	}
	return on(by, append([]any{name, st}, nameValues...)...)
}

// admitsArgs reports whether a condition on the event's parameters holds
// (a condition on the result is not decided here).
func (ev event) admitsArgs(e *rules.Edge) bool {
	switch {
	case e.WhenOpaque:
		return ev.vouch
	case e.Cond == nil:
		return true
	case e.Cond.Of == rules.CondReturn:
		return false
	}
	v, ok := ev.args[e.Cond.Of]
	return ok && e.Cond.Admits(v)
}

// onReturn reports whether e is decided by the event's result.
func onReturn(e *rules.Edge) bool { return e.Cond != nil && e.Cond.Of == rules.CondReturn }
