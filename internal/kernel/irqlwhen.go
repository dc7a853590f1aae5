package kernel

import (
	"fmt"
	"reflect"

	"github.com/ndislint/ndislint/rules"
)

// CheckWhen reports a call of the DDI called name whose catalogue entry has
// an IRQL bound that depends on an argument's value (rules.IrqlWhen), when
// the condition holds for args (the call's arguments in page order) and
// the IRQL breaks the bound: KeSetEvent with Wait = TRUE above APC_LEVEL,
// KeWaitForSingleObject with a NULL or non-zero *Timeout above APC_LEVEL.
// A condition on an earlier call's argument (IrqlWhen.Of) is left to the
// static pass. Call it after EnterDDI, with the mark taken before it: a call
// that broke the unconditional bound is reported once.
func (s *State) CheckWhen(name string, mark int, args ...any) {
	c := s.Catalogue()
	if c == nil || len(s.violations) > mark {
		return
	}
	d := c.DDI(name)
	if d == nil {
		return
	}
	for _, w := range d.Irql.When {
		v, ok := whenArg(d, w, args)
		if !ok {
			continue
		}
		if holds, known := w.Holds(rules.ValueOf(v)); known && holds {
			s.checkIrql(fmt.Sprintf("%s with %s %s %s", name, whenSubject(w), w.Op, w.Value), w.Bound())
		}
	}
}

// whenArg returns the value w's condition is on, if the run can tell.
func whenArg(d *rules.DDI, w rules.IrqlWhen, args []any) (any, bool) {
	i := d.ParamIndex(w.Param)
	if w.Of != nil || i < 0 || i >= len(args) {
		return nil, false
	}
	v := args[i]
	if !w.Deref {
		return v, true
	}
	r := reflect.ValueOf(v)
	if !r.IsValid() || r.Kind() != reflect.Pointer || r.IsNil() {
		return nil, false // no value to read: the condition is unknown
	}
	return r.Elem().Interface(), true
}

// whenSubject names what the condition is on: Wait, or *Timeout.
func whenSubject(w rules.IrqlWhen) string {
	if w.Deref {
		return "*" + w.Param
	}
	return w.Param
}
