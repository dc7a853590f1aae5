package vclifetime

import "github.com/ndislint/ndislint/analyzers/vclifetime/internal/summary"

// condMemo answers questions about condition lists, each list node once per
// question. Lists share their tails (every block's extends its dominator's),
// so the answers for all the uses of a function cost time linear in the
// number of distinct nodes, not in the sum of the lists' lengths. Answers
// are kept by question in tables indexed by the node's number (lists from
// facts, unnumbered, are short and asked afresh).
type condMemo struct {
	ids     map[question]int
	answers [][]uint8 // by question id, by node ID: 0 unknown, 1 no, 2 yes
}

// question is what is asked of every condition of a list: whether one of
// them excludes a creator, looks at a context, tests a status.
type question struct {
	kind       int
	root       int
	typ, field string
	val        string
	fp         *FieldProv
	creator    Creator
}

// The kinds of question.
const (
	qExcludes   = iota // a condition excludes fp's creator
	qContext           // a condition looks at the context root.(*typ)
	qOtherField        // a condition looks at a field of root.(*typ) other than field
	qStatusIs          // a condition says the status root == val
)

// anyOf reports whether a condition of l satisfies pred, the predicate q
// names.
func (m *condMemo) anyOf(l *summary.Conds, q question, pred func(summary.Cond) bool) bool {
	qid, ok := m.ids[q]
	if !ok {
		if m.ids == nil {
			m.ids = map[question]int{}
		}
		qid = len(m.answers)
		m.ids[q] = qid
		m.answers = append(m.answers, nil)
	}
	table := m.answers[qid]

	var todo []*summary.Conds
	res := false
	for n := l; n != nil; n = n.Tail {
		if id := n.ID(); id < len(table) && table[id] != 0 {
			res = table[id] == 2
			break
		}
		todo = append(todo, n)
	}
	for i := len(todo) - 1; i >= 0; i-- {
		res = res || pred(todo[i].Head)

		if id := todo[i].ID(); id > 0 {
			for id >= len(table) {
				table = append(table, make([]uint8, len(table)+64)...)
			}
			table[id] = 1
			if res {
				table[id] = 2
			}
		}
	}
	m.answers[qid] = table
	return res
}

// feasible reports whether a use under conditions cs on context path
// root.(*typ) can run on a VC of fp's field created by c.
func (m *condMemo) feasible(fp *FieldProv, c Creator, cs *summary.Conds, root int, typ string) bool {
	q := question{kind: qExcludes, fp: fp, creator: c, root: root, typ: typ}
	return !m.anyOf(cs, q, func(cond summary.Cond) bool { return fp.excludes(c, cond, root, typ) })
}

// testsContext reports whether a condition looks at the context the handle
// arg is a field of.
func (m *condMemo) testsContext(cs *summary.Conds, arg summary.Path) bool {
	q := question{kind: qContext, root: arg.Root, typ: arg.Type}
	return m.anyOf(cs, q, func(c summary.Cond) bool {
		return c.Path.Root == arg.Root && c.Path.Type == arg.Type && c.Path.Type != ""
	})
}

// testsOtherField reports whether a condition looks at a field of the
// handle's context other than the handle (a reference count, a state).
func (m *condMemo) testsOtherField(cs *summary.Conds, arg summary.Path) bool {
	q := question{kind: qOtherField, root: arg.Root, typ: arg.Type, field: arg.Field}
	return m.anyOf(cs, q, func(c summary.Cond) bool {
		return c.Path.Root == arg.Root && c.Path.Type == arg.Type && c.Path.Field != "" && c.Path.Field != arg.Field
	})
}

// statusMayFail reports whether the conditions allow the status root to be
// other than the status whose exact value is success.
func (m *condMemo) statusMayFail(cs *summary.Conds, root int, success string) bool {
	if root < 0 {
		return true
	}
	q := question{kind: qStatusIs, root: root, val: success}
	return !m.anyOf(cs, q, func(c summary.Cond) bool {
		return c.Path.Root == root && c.Path.Field == "" && c.Path.Type == "" && c.Op == "==" && c.Val == success && c.Want
	})
}
