package roles

import (
	"go/ast"
	"sort"

	"github.com/ndislint/ndislint/analyzers/internal/spell"

	"github.com/ndislint/ndislint/analyzers/internal/directive"
	"github.com/ndislint/ndislint/analyzers/internal/rolebind"
	"github.com/ndislint/ndislint/rules"
)

// checkDirectives reports //ndis:role directives that say nothing the pass
// can use: an unknown role, more than one word, or a directive outside a
// function's doc comment. Their shape (a space after //, no argument) is
// the directives pass's business.
func (c *checker) checkDirectives() {
	for _, f := range c.pass.Files {
		ds := c.front.Directives[f]
		docs := funcDocs(f)
		for _, d := range ds {
			if d.Key() != "ndis:role" {
				continue
			}
			c.checkDirective(d, docs)
		}
	}
}

// checkDirective checks one //ndis:role directive.
func (c *checker) checkDirective(d directive.Directive, docs []*ast.CommentGroup) {
	fields := d.Fields()
	switch {
	case len(fields) != 1:
		c.rep.Reportf(rules.RuleRoleDirective, d.Pos, d.End, nil,
			"//ndis:role takes one role name (PROTOCOL_CL_CLOSE_CALL_COMPLETE or ProtocolClCloseCallComplete), not %q", d.Args)
	case rolebind.Lookup(c.api.Cat, fields[0]) == nil:
		msg := "//ndis:role names unknown role " + fields[0]
		if near := c.nearestRole(fields[0]); near != "" {
			msg += "; did you mean " + near + "?"
		} else {
			msg += "; the roles are the callback typedefs of ndis.h (PROTOCOL_CL_CLOSE_CALL_COMPLETE)"
		}
		c.rep.Reportf(rules.RuleRoleDirective, d.Pos, d.End, nil, "%s", msg)
	case !inAny(d, docs):
		c.rep.Reportf(rules.RuleRoleDirective, d.Pos, d.End, nil,
			"//ndis:role %s is not in the doc comment of a function declaration, so it declares nothing", fields[0])
	}
}

// funcDocs returns the doc comments of the file's function declarations.
func funcDocs(f *ast.File) []*ast.CommentGroup {
	var out []*ast.CommentGroup
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Doc != nil {
			out = append(out, fd.Doc)
		}
	}
	return out
}

// inAny reports whether d is in one of docs, which are in source order and
// do not overlap: only the last one starting before d can hold it.
func inAny(d directive.Directive, docs []*ast.CommentGroup) bool {
	i := sort.Search(len(docs), func(i int) bool { return docs[i].Pos() > d.Pos }) - 1
	return i >= 0 && d.End <= docs[i].End()
}

// nearestRole returns the role name (in the spelling used) closest to name
// (see spell.Nearest), or "".
func (c *checker) nearestRole(name string) string {
	var names []string
	for _, r := range c.api.Cat.Roles {
		names = append(names, r.Name, r.GoName)
	}
	return spell.Nearest(name, names)
}
