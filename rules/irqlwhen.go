package rules

import (
	"go/constant"
	"go/token"
	"reflect"
	"strconv"
	"strings"

	"github.com/pkg/errors"
)

// IrqlWhen is an IRQL bound that a DDI's page makes depend on the constant
// value of an argument: KeSetEvent with Wait = TRUE requires IRQL <=
// APC_LEVEL, where the DDI's unconditional Irql is <= DISPATCH_LEVEL. The
// bound holds in addition to the unconditional one whenever the condition
// holds; it is always narrower (Validate checks it).
//
// The condition is "the value is (Op "==") or is not (Op "!=") Value". The
// value is, when Of is nil, the argument passed for Param at this call
// (with Deref, the value that argument points to); when Of is set, the
// argument Of.Param of the latest earlier call of Of.DDI whose Of.Match
// argument carried the same object as Param at this call (SDV's
// PeriodicTimer: NdisCancelTimerObject at PASSIVE_LEVEL when the timer was
// set with a nonzero MillisecondsPeriod).
//
// Value is the C constant the page writes (TRUE, FALSE, NULL, or a decimal
// integer); GoValue is the same constant in the Go model (true, false, nil,
// the integer), derived from Value and the Go type the condition is on by
// GoConstant. A checker that cannot tell whether the condition holds (the
// argument is no constant, the earlier call is not found) must not report
// a breach of the bound: only the unconditional Irql applies then.
type IrqlWhen struct {
	// Param is the page name of the DDI's parameter the condition is on
	// (Of nil) or that carries the object (Of set).
	Param string `json:"param"`
	// Deref puts the condition on the value Param points to
	// (KeWaitForSingleObject's *Timeout != 0). Not with Of.
	Deref bool `json:"deref,omitempty"`
	// Of, when set, puts the condition on an argument of an earlier call.
	Of *ArgOf `json:"of,omitempty"`
	// Op is "==" or "!=".
	Op string `json:"op"`
	// Value is the C constant as the page writes it.
	Value string `json:"value"`
	// GoValue is Value in the Go model. Derived by the generator.
	GoValue string `json:"goValue"`
	// Kind and Level are the bound, read as Irql's.
	Kind  IrqlKind `json:"kind"`
	Level string   `json:"level,omitempty"`
	// NotPageable is true when the page also forbids the call, under the
	// condition, from pageable code (KeSetEvent with Wait = TRUE).
	NotPageable bool `json:"notPageable,omitempty"`
	// Quotes are the sentences of the DDI's page the bound is read from,
	// word for word once the page's markup is removed (the generator and
	// the pages test check that the page has them).
	Quotes []string `json:"quotes"`
	// SDV is the Static Driver Verifier rule of the page's
	// req.ddi-compliance list that checks the bound, if any.
	SDV string `json:"sdv,omitempty"`
	// Reason says how the quotes are read where the reading is not
	// literal (what the catalogue leaves out of them).
	Reason string `json:"reason,omitempty"`
}

// ArgOf names an argument of an earlier call that an IrqlWhen is on.
type ArgOf struct {
	// DDI is the earlier call's NDIS name (NdisSetTimerObject).
	DDI string `json:"ddi"`
	// Param is the page name of its parameter the condition is on
	// (MillisecondsPeriod).
	Param string `json:"param"`
	// Match is the page name of its parameter that carries the same
	// object as IrqlWhen.Param (TimerObject); both have the same Kind.
	Match string `json:"match"`
}

// The IrqlWhen operators.
const (
	OpEqual    = "=="
	OpNotEqual = "!="
)

// Bound returns the bound as an Irql (Kind and Level only).
func (w IrqlWhen) Bound() Irql { return Irql{Kind: w.Kind, Level: w.Level} }

// ArgValue is what a checker knows of the value an IrqlWhen is on.
type ArgValue struct {
	// Const is the value when it is a constant (bool or integer), else nil.
	Const constant.Value
	// Nil and NonNil say the value is, or is not, nil (a pointer or
	// interface); neither when it is not known.
	Nil, NonNil bool
}

// ValueOf is the ArgValue of a run-time value (how the simulator sees an
// argument): a bool or an integer is a constant; a nil pointer, interface
// or the nil any is Nil, any other pointer NonNil. Other values say
// nothing.
func ValueOf(v any) ArgValue {
	if v == nil {
		return ArgValue{Nil: true}
	}
	r := reflect.ValueOf(v)
	switch r.Kind() {
	case reflect.Bool:
		return ArgValue{Const: constant.MakeBool(r.Bool())}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return ArgValue{Const: constant.MakeInt64(r.Int())}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return ArgValue{Const: constant.MakeUint64(r.Uint())}
	case reflect.Pointer, reflect.Interface, reflect.Map, reflect.Slice, reflect.Func, reflect.Chan:
		return ArgValue{Nil: r.IsNil(), NonNil: !r.IsNil()}
	}
	return ArgValue{}
}

// Holds reports whether the condition holds for v; known is false when v
// does not say (then the bound must not be applied).
func (w IrqlWhen) Holds(v ArgValue) (holds, known bool) {
	eq, known := w.equal(v)
	if !known {
		return false, false
	}
	if w.Op == OpNotEqual {
		return !eq, true
	}
	return eq, true
}

// equal reports whether v is GoValue, and whether that is known.
func (w IrqlWhen) equal(v ArgValue) (eq, known bool) {
	switch w.GoValue {
	case "nil":
		if v.Nil || v.NonNil {
			return v.Nil, true
		}
		return false, false
	case "true", "false":
		if v.Const == nil || v.Const.Kind() != constant.Bool {
			return false, false
		}
		return constant.BoolVal(v.Const) == (w.GoValue == "true"), true
	}
	want := constant.MakeFromLiteral(w.GoValue, token.INT, 0)
	if v.Const == nil || v.Const.Kind() != constant.Int || want.Kind() != constant.Int {
		return false, false
	}
	return constant.Compare(v.Const, token.EQL, want), true
}

// goIntTypes are the Go types whose values an integer Value compares with.
var goIntTypes = map[string]bool{
	"int": true, "int8": true, "int16": true, "int32": true, "int64": true,
	"uint": true, "uint8": true, "uint16": true, "uint32": true, "uint64": true, "uintptr": true,
}

// GoConstant returns the Go model's spelling of the C constant value for a
// value of Go type goType: TRUE and FALSE for bool, NULL for a pointer or
// any, a decimal integer for a built-in integer type. Other pairs are
// errors: the catalogue compares only constants the model has.
func GoConstant(value, goType string) (string, error) {
	switch {
	case (value == "TRUE" || value == "FALSE") && goType == "bool":
		return strings.ToLower(value), nil
	case value == "NULL" && (strings.HasPrefix(goType, "*") || goType == "any"):
		return "nil", nil
	case goIntTypes[goType]:
		if _, err := strconv.ParseInt(value, 10, 64); err == nil {
			return value, nil
		}
	}
	return "", errors.Errorf("value: %q is no constant of Go type %s that the catalogue compares", value, goType)
}

// ParamIndex returns the index, in page (and Go) order, of the parameter
// with the given page name, or -1.
func (d *DDI) ParamIndex(name string) int {
	for i := range d.Params {
		if d.Params[i].Name == name {
			return i
		}
	}
	return -1
}

// validateWhen checks d's value-dependent bounds: the parameters exist,
// the value is a constant of the type it is compared with, and the bound
// is a valid requirement narrower than d's unconditional one.
func (c *Catalogue) validateWhen(d *DDI) error {
	for i := range d.Irql.When {
		w := &d.Irql.When[i]
		if err := c.validateOneWhen(d, w); err != nil {
			return errors.Wrapf(err, "irql: when %d (%s %s %s)", i, w.Param, w.Op, w.Value)
		}
	}
	return nil
}

// validateOneWhen checks one value-dependent bound of d.
func (c *Catalogue) validateOneWhen(d *DDI, w *IrqlWhen) error {
	goType, err := c.whenType(d, w)
	if err != nil {
		return err
	}
	if w.Op != OpEqual && w.Op != OpNotEqual {
		return errors.Errorf("op: unknown %q", w.Op)
	}
	want, err := GoConstant(w.Value, goType)
	if err != nil {
		return err
	}
	if w.GoValue != want {
		return errors.Errorf("goValue: %q, but %s as %s is %q", w.GoValue, w.Value, goType, want)
	}
	if err := validateBound(w.Kind, w.Level); err != nil {
		return err
	}
	if !narrower(w.Bound(), d.Irql) {
		return errors.Errorf("kind/level: %s %s does not narrow the unconditional %s %s", w.Kind, w.Level, d.Irql.Kind, d.Irql.Level)
	}
	if len(w.Quotes) == 0 {
		return errors.New("quotes: empty")
	}
	if w.SDV != "" && !contains(d.SDV, w.SDV) {
		return errors.Errorf("sdv: %q is not in the page's list", w.SDV)
	}
	return nil
}

// whenType returns the Go type of the value w's condition is on, checking
// the parameters w names.
func (c *Catalogue) whenType(d *DDI, w *IrqlWhen) (string, error) {
	i := d.ParamIndex(w.Param)
	if i < 0 {
		return "", errors.Errorf("param: %q is not a parameter", w.Param)
	}
	if w.Of == nil {
		t := d.Params[i].GoType
		if w.Deref {
			if !strings.HasPrefix(t, "*") {
				return "", errors.Errorf("deref: %s is %s, no pointer", w.Param, t)
			}
			t = t[1:]
		}
		return t, nil
	}
	if w.Deref {
		return "", errors.New("deref: not with of")
	}
	return c.ofType(d.Params[i], w.Of)
}

// ofType checks an ArgOf against the parameter p that carries the object
// and returns the Go type of the argument the condition is on.
func (c *Catalogue) ofType(p Param, of *ArgOf) (string, error) {
	e := c.DDI(of.DDI)
	if e == nil {
		return "", errors.Errorf("of: ddi: unknown %q", of.DDI)
	}
	m, v := e.ParamIndex(of.Match), e.ParamIndex(of.Param)
	if m < 0 || v < 0 {
		return "", errors.Errorf("of: %s has no parameter %q or %q", of.DDI, of.Match, of.Param)
	}
	if k := e.Params[m].Kind; k == KindNone || k != p.Kind {
		return "", errors.Errorf("of: match: %s.%s carries %q, %s carries %q", of.DDI, of.Match, k, p.Name, p.Kind)
	}
	return e.Params[v].GoType, nil
}

// irqlRange returns the levels a requirement allows, [lo, hi].
func irqlRange(q Irql) (lo, hi uint8) {
	l, _ := LookupLevel(q.Level)
	switch q.Kind {
	case IrqlMax:
		return PassiveLevel, l.Top
	case IrqlMin:
		return l.Value, HighLevel
	case IrqlExact:
		return l.Value, l.Top
	}
	return PassiveLevel, HighLevel
}

// narrower reports whether q allows a strict subset of the levels base
// allows.
func narrower(q, base Irql) bool {
	lo, hi := irqlRange(q)
	blo, bhi := irqlRange(base)
	return lo >= blo && hi <= bhi && (lo != blo || hi != bhi)
}
