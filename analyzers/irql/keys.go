package irql

import (
	"fmt"
	"go/constant"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// keyOf returns the access path of a pointer-valued SSA value: the memory
// a spin lock or a saved IRQL lives in. Paths are rooted at a parameter or
// free variable ("$0.lock", "$1.c*.lock"), a package variable
// ("g:example.com/drv.lock") or a local allocation ("v:t3"). ok is false
// when the location cannot be named (a phi of pointers, a call's result).
func keyOf(fn *ssa.Function, v ssa.Value) (string, bool) {
	for depth := 0; depth < 16; depth++ {
		switch x := v.(type) {
		case *ssa.Parameter:
			for i, p := range fn.Params {
				if p == x {
					return fmt.Sprintf("$%d", i), true
				}
			}
			return "", false
		case *ssa.FreeVar:
			for i, p := range fn.FreeVars {
				if p == x {
					return fmt.Sprintf("$%d", len(fn.Params)+i), true
				}
			}
			return "", false
		case *ssa.Global:
			return "g:" + x.Pkg.Pkg.Path() + "." + x.Name(), true
		case *ssa.Alloc:
			return "v:" + x.Name(), true
		case *ssa.FieldAddr:
			k, ok := keyOf(fn, x.X)
			return k + "." + fieldName(x.X.Type(), x.Field), ok
		case *ssa.Field:
			k, ok := keyOf(fn, x.X)
			return k + "." + fieldName(x.X.Type(), x.Field), ok
		case *ssa.IndexAddr:
			c, isConst := x.Index.(*ssa.Const)
			if !isConst || c.Value == nil || c.Value.Kind() != constant.Int {
				return "", false
			}
			k, ok := keyOf(fn, x.X)
			return k + "[" + c.Value.ExactString() + "]", ok
		case *ssa.UnOp:
			if x.Op.String() != "*" {
				return "", false
			}
			k, ok := keyOf(fn, x.X)
			return k + "*", ok
		case *ssa.TypeAssert:
			k, ok := keyOf(fn, x.X)
			return k + ".(" + types.TypeString(x.AssertedType, nil) + ")", ok
		case *ssa.ChangeType:
			v = x.X
		case *ssa.Convert:
			v = x.X
		case *ssa.MakeInterface:
			v = x.X
		default:
			return "", false
		}
	}
	return "", false
}

// fieldName names field i of the struct that t (or *t) is.
func fieldName(t types.Type, i int) string {
	t = t.Underlying()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem().Underlying()
	}
	if st, ok := t.(*types.Struct); ok && i < st.NumFields() {
		return st.Field(i).Name()
	}
	return strconv.Itoa(i)
}

// splitRoot splits "$12.lock" into 12 and ".lock"; ok is false for paths
// not rooted at a parameter.
func splitRoot(path string) (int, string, bool) {
	if !strings.HasPrefix(path, "$") {
		return 0, "", false
	}
	end := 1
	for end < len(path) && path[end] >= '0' && path[end] <= '9' {
		end++
	}
	n, err := strconv.Atoi(path[1:end])
	if err != nil {
		return 0, "", false
	}
	return n, path[end:], true
}

// mappable reports whether a path means something to a caller.
func mappable(path string) bool {
	return strings.HasPrefix(path, "$") || strings.HasPrefix(path, "g:")
}

// mapPath rewrites a callee's path in the caller's terms, given the
// callee's arguments (parameters, then free variables).
func mapPath(caller *ssa.Function, path string, args []ssa.Value) (string, bool) {
	if strings.HasPrefix(path, "g:") {
		return path, true
	}
	i, rest, ok := splitRoot(path)
	if !ok || i >= len(args) || args[i] == nil {
		return "", false
	}
	k, ok := keyOf(caller, args[i])
	if !ok {
		return "", false
	}
	return k + rest, true
}
