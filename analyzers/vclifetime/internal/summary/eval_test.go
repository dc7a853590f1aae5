package summary

import "testing"

func TestEval(t *testing.T) {
	for _, tc := range []struct {
		c            Cond
		val          string
		holds, known bool
	}{
		{Cond{Op: "truthy", Want: true}, "true", true, true},
		{Cond{Op: "truthy", Want: false}, "true", false, true},
		{Cond{Op: "==", Val: "0", Want: true}, "0", true, true},
		{Cond{Op: "==", Val: "0", Want: false}, "0", false, true},
		{Cond{Op: "==", Val: "nil", Want: false}, "nil", false, true},
		{Cond{Op: "&", Val: "4", Want: true}, "4", true, true},
		{Cond{Op: "&", Val: "4", Want: false}, "0", true, true},
		{Cond{Op: "&", Val: "8", Want: true}, "4", false, true},
		{Cond{Op: "==", Val: "0", Want: true}, "", false, false},
		{Cond{Op: "?", Val: "0", Want: true}, "0", false, false},
	} {
		holds, known := Eval(tc.c, tc.val)
		if holds != tc.holds || known != tc.known {
			t.Errorf("Eval(%v, %q) = %v, %v; want %v, %v", tc.c, tc.val, holds, known, tc.holds, tc.known)
		}
	}
}
