package driver

import (
	"container/heap"
	"go/types"
	"sort"
	"sync"

	"golang.org/x/tools/go/packages"
)

// node is a package analysed from source.
type node struct {
	meta *packages.Package
	root bool
	// deps are its direct source dependencies (export-data packages never
	// import source ones, so these are all that must finish first);
	// closure its transitive ones, whose facts it may import.
	deps, closure []*node
	// importers are the source packages that import it directly.
	importers []*node
	// rank orders ready packages: depth-first post-order from the sorted
	// roots, so that a package's importers follow it closely and its
	// types and facts are released soon.
	rank int
	// waiting counts deps not finished; users the source packages that
	// depend on it, directly or not, and are not finished.
	waiting, users int
	pkg            *types.Package // set when analysed
}

// graph is the source packages and their order.
type graph struct {
	nodes []*node // by rank

	mu    sync.Mutex
	ready rankHeap
	left  int
	cond  *sync.Cond
}

// newGraph builds the graph of the source packages.
func newGraph(roots []*packages.Package, all map[string]*packages.Package, source map[string]bool) *graph {
	g := &graph{}
	g.cond = sync.NewCond(&g.mu)
	byID := map[string]*node{}
	rootIDs := map[string]bool{}
	for _, r := range roots {
		rootIDs[r.ID] = true
	}
	var visit func(p *packages.Package) *node
	visit = func(p *packages.Package) *node {
		if n, ok := byID[p.ID]; ok {
			return n
		}
		n := &node{meta: p, root: rootIDs[p.ID]}
		byID[p.ID] = n
		for _, path := range sortedImports(p) {
			dep := p.Imports[path]
			if source[dep.ID] {
				d := visit(dep)
				n.deps = append(n.deps, d)
				d.importers = append(d.importers, n)
			}
		}
		n.rank = len(g.nodes)
		g.nodes = append(g.nodes, n)
		return n
	}
	ids := make([]string, 0, len(source))
	for id := range source {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return lessRootFirst(ids[i], ids[j], rootIDs) })
	for _, id := range ids {
		visit(all[id])
	}
	g.closures()
	return g
}

// lessRootFirst orders roots before other packages, then by ID.
func lessRootFirst(a, b string, roots map[string]bool) bool {
	if roots[a] != roots[b] {
		return roots[a]
	}
	return a < b
}

// sortedImports returns p's import paths, sorted.
func sortedImports(p *packages.Package) []string {
	paths := make([]string, 0, len(p.Imports))
	for path := range p.Imports {
		paths = append(paths, path)
	}
	sort.Strings(paths)
	return paths
}

// closures computes each node's transitive source dependencies (in rank
// order, nodes being ranked after their deps) and counts its users.
func (g *graph) closures() {
	for _, n := range g.nodes {
		seen := map[*node]bool{}
		for _, d := range n.deps {
			if !seen[d] {
				seen[d] = true
				n.closure = append(n.closure, d)
			}
			for _, t := range d.closure {
				if !seen[t] {
					seen[t] = true
					n.closure = append(n.closure, t)
				}
			}
		}
		sort.Slice(n.closure, func(i, j int) bool { return n.closure[i].rank < n.closure[j].rank })
		for _, t := range n.closure {
			t.users++
		}
		n.waiting = len(n.deps)
	}
}

// execute runs do on every node, a node only after its deps, on at most
// workers goroutines, lowest rank first among the ready ones.
func (g *graph) execute(workers int, do func(*node)) {
	g.left = len(g.nodes)
	for _, n := range g.nodes {
		if n.waiting == 0 {
			heap.Push(&g.ready, n)
		}
	}
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				n := g.next()
				if n == nil {
					return
				}
				do(n)
			}
		}()
	}
	wg.Wait()
}

// next waits for a ready node; nil when every node is done.
func (g *graph) next() *node {
	g.mu.Lock()
	defer g.mu.Unlock()
	for g.ready.Len() == 0 && g.left > 0 {
		g.cond.Wait()
	}
	if g.left == 0 {
		return nil
	}
	return heap.Pop(&g.ready).(*node)
}

// finish marks n done: its importers may become ready, and the packages no
// unfinished package depends on any more (n itself, if nothing does) are
// released.
func (g *graph) finish(n *node, release func(*node)) {
	g.mu.Lock()
	var free []*node
	for _, imp := range n.importers {
		imp.waiting--
		if imp.waiting == 0 {
			heap.Push(&g.ready, imp)
		}
	}
	for _, t := range n.closure {
		t.users--
		if t.users == 0 {
			free = append(free, t)
		}
	}
	if n.users == 0 {
		free = append(free, n)
	}
	g.left--
	g.cond.Broadcast()
	g.mu.Unlock()
	for _, t := range free {
		release(t)
	}
}

// rankHeap is a min-heap of nodes by rank.
type rankHeap []*node

func (h rankHeap) Len() int           { return len(h) }
func (h rankHeap) Less(i, j int) bool { return h[i].rank < h[j].rank }
func (h rankHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *rankHeap) Push(x any)        { *h = append(*h, x.(*node)) }
func (h *rankHeap) Pop() any {
	old := *h
	n := old[len(old)-1]
	*h = old[:len(old)-1]
	return n
}
