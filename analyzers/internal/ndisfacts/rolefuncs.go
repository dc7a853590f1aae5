package ndisfacts

import (
	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/rules"
)

// RoleFuncs returns the roles of the package's functions in SSA form,
// from the role bindings (a function bound to one role in several ways is
// listed once per role). Functions of other packages bound here (a slot
// holding an imported function) are left to their own package. It builds
// the package's SSA form if no pass has yet.
func (r *Result) RoleFuncs() map[*ssa.Function][]*rules.Role {
	pkg := r.SSA()
	out := map[*ssa.Function][]*rules.Role{}
	if pkg == nil || r.Roles == nil {
		return out
	}
	lits := map[any]*ssa.Function{}
	for _, f := range pkg.SrcFuncs {
		if f.Syntax() != nil {
			lits[f.Syntax()] = f
		}
	}
	for _, b := range r.Roles.Bindings {
		var fn *ssa.Function
		if b.Lit != nil {
			fn = lits[b.Lit]
		} else if b.Fn != nil {
			fn = pkg.Pkg.Prog.FuncValue(b.Fn)
		}
		if fn == nil || b.Role == nil || hasRole(out[fn], b.Role) {
			continue
		}
		out[fn] = append(out[fn], b.Role)
	}
	return out
}

// hasRole reports whether rs holds r.
func hasRole(rs []*rules.Role, r *rules.Role) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}
