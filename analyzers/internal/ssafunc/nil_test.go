package ssafunc

import (
	"testing"

	"golang.org/x/tools/go/ssa"
)

// firstIf returns the condition of fn's first If.
func firstIf(t *testing.T, fn *ssa.Function) ssa.Value {
	t.Helper()
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			if iff, ok := in.(*ssa.If); ok {
				return iff.Cond
			}
		}
	}
	t.Fatal("no If")
	return nil
}

// TestNilBranch: which successor runs when the parameter is nil, for both
// operators and operand orders and through a change of named type; none
// for an interface made from the pointer (not nil when the pointer is),
// another value, or another operator.
func TestNilBranch(t *testing.T) {
	cases := []struct {
		body string
		want int
	}{
		{"if p == nil { g() }", 0},
		{"if p != nil { g() }", 1},
		{"if nil == p { g() }", 0},
		{"if P(p) != nil { g() }", 1},
		{"var x any = p; if x == nil { g() }", -1},
		{"if q == nil { g() }", -1},
		{"if p == q { g() }", -1},
	}
	for _, c := range cases {
		fn := build(t, "package p\ntype P *int\nfunc g() {}\nfunc f(p, q *int) {\n"+c.body+"\n}\n")
		if got := NilBranch(firstIf(t, fn), fn.Params[0]); got != c.want {
			t.Errorf("%s: NilBranch = %d, want %d", c.body, got, c.want)
		}
	}
}
