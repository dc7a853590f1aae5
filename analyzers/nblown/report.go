package nblown

import (
	"fmt"
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/rules"
)

// report reports a touch of the list h handed off, once per touch.
func (c *checker) report(h handoff, t touch) {
	if c.reported[t.pos] {
		return
	}
	c.reported[t.pos] = true
	pos, end := c.rangeOf(t)
	c.rep.Reportf(rules.RuleNblUseAfterHandoff, pos, end, c.related(h), "%s", c.message(h))
}

// message is the diagnostic's text: the DDI in its NDIS spelling (and the
// helper that calls it) and the role that gives the list back.
func (c *checker) message(h handoff) string {
	who := h.ddi
	if h.helper != nil {
		who = fmt.Sprintf("%s (through %s)", c.funcName(h.helper), h.ddi)
	}
	if h.until == "" {
		return fmt.Sprintf("the NET_BUFFER_LIST is used after %s released it; it is no longer the driver's", who)
	}
	back := h.until
	if r := c.cat.Role(h.until); r != nil && r.Callback != "" {
		back = r.Callback
	}
	return fmt.Sprintf("the NET_BUFFER_LIST is used after %s handed it to NDIS; it is not the driver's again until %s returns it", who, back)
}

// related returns the handoff call and, for a helper of the package, the
// call inside it that hands the list off.
func (c *checker) related(h handoff) []analysis.RelatedInformation {
	at, end := c.callRange(h.call.Pos())
	msg := fmt.Sprintf("%s takes the NET_BUFFER_LIST here", h.ddi)
	if h.helper != nil {
		msg = fmt.Sprintf("%s hands the NET_BUFFER_LIST to %s here", c.funcName(h.helper), h.ddi)
	}
	out := []analysis.RelatedInformation{{Pos: at, End: end, Message: msg}}
	if h.helper != nil && h.inner.IsValid() {
		at, end := c.callRange(h.inner)
		out = append(out, analysis.RelatedInformation{Pos: at, End: end, Message: fmt.Sprintf("inside %s, here", c.funcName(h.helper))})
	}
	return out
}

// funcName names a function as the package being analysed spells it.
func (c *checker) funcName(fn *ssa.Function) string {
	if fn.Pkg != nil && fn.Pkg.Pkg != c.pass.Pkg {
		return fn.Pkg.Pkg.Name() + "." + fn.Name()
	}
	return fn.Name()
}

// callRange returns the range of the call whose parenthesis is at pos.
func (c *checker) callRange(pos token.Pos) (token.Pos, token.Pos) {
	if call := c.front.CallAt(pos); call != nil {
		return call.Pos(), call.End()
	}
	return pos, pos
}

// rangeOf returns the source range of a touch: the call, the selector
// (nbl.Next), the dereference.
func (c *checker) rangeOf(t touch) (token.Pos, token.Pos) {
	if _, ok := t.ins.(ssa.CallInstruction); ok {
		return c.callRange(t.pos)
	}
	if c.nodes == nil {
		c.nodes = map[token.Pos]ast.Node{}
		for _, f := range c.pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				switch x := n.(type) {
				case *ast.SelectorExpr:
					c.nodes[x.Sel.Pos()] = x
				case *ast.StarExpr:
					c.nodes[x.Star] = x
				}
				return true
			})
		}
	}
	if n := c.nodes[t.pos]; n != nil {
		return n.Pos(), n.End()
	}
	return t.pos, t.pos
}
