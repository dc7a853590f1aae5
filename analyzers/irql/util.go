package irql

import (
	"go/constant"
	"go/token"
	"path/filepath"
	"strconv"

	"github.com/ndislint/ndislint/rules"
	"golang.org/x/tools/go/ssa"
)

// constUint returns the value of an integer constant.
func constUint(c *ssa.Const) (uint64, bool) {
	if c.Value == nil || c.Value.Kind() != constant.Int {
		return 0, false
	}
	return constant.Uint64Val(c.Value)
}

// mirror returns the comparison with its operands swapped (a < b is b > a).
func mirror(op token.Token) token.Token {
	switch op {
	case token.LSS:
		return token.GTR
	case token.LEQ:
		return token.GEQ
	case token.GTR:
		return token.LSS
	case token.GEQ:
		return token.LEQ
	}
	return op
}

// opRange returns the range of x where "x op n" is want. ok is false when
// that set is not an interval (x != 1 is true on both sides of 1).
func opRange(op token.Token, n level, want bool) (level, level, bool) {
	if !want {
		switch op {
		case token.EQL:
			op = token.NEQ
		case token.NEQ:
			op = token.EQL
		case token.LSS:
			op = token.GEQ
		case token.LEQ:
			op = token.GTR
		case token.GTR:
			op = token.LEQ
		case token.GEQ:
			op = token.LSS
		default:
			return 0, 0, false
		}
	}
	const top = rules.HighLevel
	switch op {
	case token.EQL:
		return n, n, true
	case token.NEQ:
		switch n {
		case 0:
			return 1, top, true
		case top:
			return 0, top - 1, true
		}
	case token.LSS:
		if n == 0 {
			return 1, 0, true // empty
		}
		return 0, n - 1, true
	case token.LEQ:
		return 0, n, true
	case token.GTR:
		if n >= top {
			return 1, 0, true // empty
		}
		return n + 1, top, true
	case token.GEQ:
		return n, top, true
	}
	return 0, 0, false
}

func itoa(i int) string { return strconv.Itoa(i) }

// shortFile is a file's base name.
func shortFile(name string) string { return filepath.Base(name) }
