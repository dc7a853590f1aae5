// Command bench is issue 10's comparison harness: it runs ndislint, a
// no-op multichecker (bench/noop), go vet and staticcheck over generated
// corpora of Go-modelled drivers (bench/corpus) in rounds, and prints a
// markdown table of each tool's median wall time, CPU time and peak RSS,
// the ratios the goals name, and the check of ndislint's findings
// against the corpus's seeded defects.
//
//	go run ./bench [-sizes 10k,200k,1M] [-rounds 3] [-tools ndislint,noop,govet,staticcheck] [-out file.md]
//	go run ./bench -std [-rounds 3] [-out file.md]
//	go run ./bench -vetwarm [-sizes 200k] [-rounds 3]
//
// Run it from the repository. The table goes to stdout (and to -out);
// progress goes to stderr. Exit status: 0 when every run went as expected;
// 1 when a tool failed unexpectedly (or the harness could not run); 2 when
// ndislint's findings differ from the seeded defects (or, with -std, when it
// reports anything over std).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/ndislint/ndislint/bench/corpus"
)

// config is the command line.
type config struct {
	sizes  []size
	rounds int
	tools  []string
	out    string
	std    bool
	// vetWarm measures go vet -vettool=ndislint cold and after a one-file
	// edit instead of comparing the tools.
	vetWarm bool
}

// A size is a corpus size: its label as given and its lines.
type size struct {
	label string
	lines int
}

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdout))
}

// run runs the command and returns its exit status.
func run(ctx context.Context, args []string, stdout io.Writer) int {
	cfg, err := parseFlags(args)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		return 1
	}
	rep, err := execute(ctx, cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		return 1
	}
	text := rep.markdown()
	fmt.Fprint(stdout, text)
	if cfg.out != "" {
		if err := os.WriteFile(cfg.out, []byte(text), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			return 1
		}
	}
	if !rep.defectsOK() {
		return 2
	}
	return 0
}

// parseFlags reads the command line.
func parseFlags(args []string) (config, error) {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	sizes := fs.String("sizes", "10k,200k,1M", "corpus sizes in lines (k and M suffixes)")
	rounds := fs.Int("rounds", 3, "rounds; each runs every tool once, in rotation")
	toolList := fs.String("tools", strings.Join(toolNames, ","), "tools to compare: ndislint, noop, govet, staticcheck")
	out := fs.String("out", "", "also write the markdown table to this file")
	std := fs.Bool("std", false, "compare ndislint with noop over the standard library (std) instead of the corpora")
	vetWarm := fs.Bool("vetwarm", false, "measure go vet -vettool=ndislint over the corpora cold and after a one-file edit")
	if err := fs.Parse(args); err != nil {
		return config{}, err
	}
	if fs.NArg() > 0 {
		return config{}, fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	cfg := config{rounds: *rounds, out: *out, std: *std, vetWarm: *vetWarm}
	if cfg.rounds < 1 {
		return cfg, errors.New("-rounds must be at least 1")
	}
	var err error
	if cfg.sizes, err = parseSizes(*sizes); err != nil {
		return cfg, err
	}
	if cfg.tools, err = parseTools(*toolList, cfg.std); err != nil {
		return cfg, err
	}
	if cfg.vetWarm {
		cfg.tools = []string{"ndislint"}
	}
	return cfg, nil
}

// parseSizes reads a comma-separated list such as 10k,200k,1M.
func parseSizes(s string) ([]size, error) {
	var sizes []size
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		mult := 1
		num := f
		switch {
		case strings.HasSuffix(f, "k"), strings.HasSuffix(f, "K"):
			mult, num = 1000, f[:len(f)-1]
		case strings.HasSuffix(f, "M"), strings.HasSuffix(f, "m"):
			mult, num = 1000000, f[:len(f)-1]
		}
		n, err := strconv.Atoi(num)
		if err != nil || n <= 0 {
			return nil, fmt.Errorf("bad size %q in -sizes", f)
		}
		sizes = append(sizes, size{label: f, lines: n * mult})
	}
	return sizes, nil
}

// parseTools reads the -tools list; -std compares ndislint and noop only.
func parseTools(s string, std bool) ([]string, error) {
	if std {
		return []string{"noop", "ndislint"}, nil
	}
	known := tools()
	var list []string
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if _, ok := known[f]; !ok {
			return nil, fmt.Errorf("unknown tool %q in -tools (want %s)", f, strings.Join(toolNames, ", "))
		}
		list = append(list, f)
	}
	return list, nil
}

// cacheDir returns the harness's cache directory: staticcheck's GOBIN and
// the generated corpora.
func cacheDir() (string, error) {
	d, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(d, "ndislint-bench"), nil
}

// execute builds the tools, prepares the corpora and runs the rounds.
func execute(ctx context.Context, cfg config) (*report, error) {
	root, err := corpus.RepoRoot()
	if err != nil {
		return nil, err
	}
	cache, err := cacheDir()
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "ndislint-bench-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	need := map[string]bool{}
	for _, t := range cfg.tools {
		need[t] = true
	}
	logf("building the tools from %s", root)
	bins, err := buildTools(ctx, root, tmp, filepath.Join(cache, "bin"), need)
	if err != nil {
		return nil, err
	}
	rep := newReport(root, cfg)
	r := runner{bins: bins, tools: cfg.tools, rounds: cfg.rounds, tmp: tmp}
	if cfg.std {
		r.std = true
		res, err := r.runStd(ctx, root)
		if err != nil {
			return nil, err
		}
		rep.results = append(rep.results, res)
		return rep, nil
	}
	for _, s := range cfg.sizes {
		dir, m, err := ensureCorpus(ctx, root, cache, s.lines)
		if err != nil {
			return nil, err
		}
		if cfg.vetWarm {
			vw, err := r.runVetWarm(ctx, s, dir, m)
			if err != nil {
				return nil, err
			}
			rep.vetWarm = append(rep.vetWarm, vw)
			continue
		}
		res, err := r.runCorpus(ctx, s, dir, m)
		if err != nil {
			return nil, err
		}
		rep.results = append(rep.results, res)
	}
	return rep, nil
}

// ensureCorpus returns the corpus of the given size from the cache,
// generating it first when it is absent, and builds it once so that the
// build cache is warm.
func ensureCorpus(ctx context.Context, root, cache string, lines int) (string, corpus.Manifest, error) {
	key, err := corpus.Key(root, lines)
	if err != nil {
		return "", corpus.Manifest{}, err
	}
	dir := filepath.Join(cache, "corpus", fmt.Sprintf("%d-v%s-%s", lines, corpus.Version, key))
	m, err := corpus.ReadManifest(dir)
	if err != nil {
		logf("generating the %d-line corpus in %s", lines, dir)
		if m, err = generate(root, dir, lines); err != nil {
			return "", m, err
		}
	}
	logf("building the %d-line corpus (warms the build cache)", m.Lines)
	return dir, m, goCmd(ctx, dir, nil, "build", "./...")
}

// generate writes a corpus into a fresh directory and moves it to dir, so
// that a cached corpus is always complete.
func generate(root, dir string, lines int) (corpus.Manifest, error) {
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return corpus.Manifest{}, err
	}
	work, err := os.MkdirTemp(filepath.Dir(dir), "gen-")
	if err != nil {
		return corpus.Manifest{}, err
	}
	m, err := corpus.GenerateFrom(root, work, lines)
	if err != nil {
		os.RemoveAll(work)
		return m, err
	}
	os.RemoveAll(dir)
	return m, os.Rename(work, dir)
}
