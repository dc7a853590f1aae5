package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/ndislint/ndislint/analyzers/checks"
	"github.com/ndislint/ndislint/analyzers/inventory"
	"github.com/ndislint/ndislint/internal/driver"
	"github.com/ndislint/ndislint/rules"
)

// Exit statuses of the standalone command.
const (
	exitClean    = 0 // nothing to report
	exitError    = 1 // a bad flag or pattern, a package that does not load or type-check, a pass that failed
	exitFindings = 3 // findings of a rule -fail selects (or, with -fix, findings left unfixed)
)

// options are the standalone command's flags.
type options struct {
	format     string
	legacyJSON bool
	context    int
	fix        bool
	tests      bool
	tags       string
	fail       string
	summary    bool
	version    bool
	vet        bool
	cpuprofile string
	memprofile string
}

// newFlagSet returns the standalone command's flags, bound to o. -checks
// and -show-ignored set the process-wide rule selection (package checks).
func newFlagSet(progname string, o *options) *flag.FlagSet {
	fs := flag.NewFlagSet(progname, flag.ContinueOnError)
	fs.StringVar(&o.format, "f", "text", "output format: text (go vet style, on stderr), json or sarif (SARIF 2.1.0), both on stdout")
	fs.BoolVar(&o.legacyJSON, "json", false, "print findings as go/analysis JSON on stdout (the shape multichecker and go vet -json print); findings alone leave the exit status 0")
	fs.IntVar(&o.context, "c", -1, "with text output, print `N` lines of source around each finding")
	fs.BoolVar(&o.fix, "fix", false, "apply the first suggested fix of each finding (conflicting ones in later rounds); print the findings left, exit 3 if any")
	fs.BoolVar(&o.tests, "test", true, "also check the packages' tests")
	fs.StringVar(&o.tags, "tags", "", "comma-separated build `tags` for loading the packages")
	checks.RegisterFlags(fs)
	fs.StringVar(&o.fail, "fail", "all", "rules whose findings fail the run (exit 3), in -checks syntax; the others are printed only")
	fs.BoolVar(&o.summary, "summary", false, "print, per rule, defect N / pass / not applicable (why), and the roles found per package")
	fs.BoolVar(&o.version, "version", false, "print the version and commit, and exit")
	fs.BoolVar(&o.vet, "vet", false, "also run the standard go vet analyzers")
	fs.StringVar(&o.cpuprofile, "cpuprofile", "", "write a CPU profile to `file`")
	fs.StringVar(&o.memprofile, "memprofile", "", "write a heap profile to `file` at the end of the run")
	fs.Usage = func() {}
	return fs
}

// standalone runs the command on args and returns its exit status.
func standalone(progname string, args []string, stdout, stderr io.Writer) int {
	var o options
	fs := newFlagSet(progname, &o)
	fs.SetOutput(io.Discard)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			usage(stdout, progname, fs)
			return exitClean
		}
		fmt.Fprintf(stderr, "%s: %v; '%s help' lists the flags\n", progname, err, progname)
		return exitError
	}
	pos := fs.Args()
	switch {
	case o.version:
		version(stdout, progname)
		return exitClean
	case len(pos) > 0 && pos[0] == "help":
		return help(stdout, stderr, progname, fs, o.vet, pos[1:])
	case len(pos) == 0:
		usage(stderr, progname, fs)
		return exitError
	}
	fail, err := checks.Parse(o.fail)
	if err != nil {
		fmt.Fprintf(stderr, "%s: -fail: %v\n", progname, err)
		return exitError
	}
	if err := checkFormat(o.format); err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", progname, err)
		return exitError
	}
	stop, err := startProfile(o.cpuprofile)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", progname, err)
		return exitError
	}
	tuneGC()
	code := analyse(progname, &o, fail, pos, stdout, stderr)
	stop()
	if err := writeHeapProfile(o.memprofile); err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", progname, err)
		return exitError
	}
	return code
}

// checkFormat validates -f.
func checkFormat(f string) error {
	switch f {
	case "text", "json", "sarif":
		return nil
	}
	return fmt.Errorf("-f %s: unknown format (text, json or sarif)", f)
}

// analyse runs the driver over the patterns and reports.
func analyse(progname string, o *options, fail *checks.Selection, patterns []string, stdout, stderr io.Writer) int {
	cfg := &driver.Config{Tests: o.tests, Analyzers: selected(o.vet)}
	if o.tags != "" {
		cfg.BuildFlags = []string{"-tags=" + o.tags}
	}
	inv := newInventories()
	if o.summary {
		cfg.Analyzers = append(cfg.Analyzers, inventory.Analyzer)
		cfg.OnRoot = inv.add
	}
	runOnce := func() (*runResult, bool) {
		out, err := driver.Run(cfg, patterns)
		if err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", progname, oneLine(err.Error()))
			return nil, true
		}
		for _, e := range out.Errors {
			fmt.Fprintln(stderr, e.String())
		}
		return newRun(out), len(out.Errors) > 0
	}
	if o.fix {
		return fixLoop(runOnce, stderr)
	}
	res, hadErrors := runOnce()
	if res == nil {
		return exitError
	}
	var sum *summary
	if o.summary {
		sum = summarise(res, inv)
	}
	if err := print(o, res, sum, stdout, stderr); err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", progname, err)
		return exitError
	}
	switch {
	case hadErrors:
		return exitError
	case o.legacyJSON:
		return exitClean
	case res.failing(fail) > 0:
		return exitFindings
	}
	return exitClean
}

// selected returns the analyzers to run: ndislint's passes that have a rule
// the -checks selection enables, and with -vet go vet's suite.
func selected(withVet bool) []*analysis.Analyzer {
	var out []*analysis.Analyzer
	for _, a := range passes() {
		if anyEnabled(a.Name) {
			out = append(out, a)
		}
	}
	if withVet {
		out = append(out, vetSuite()...)
	}
	return out
}

// anyEnabled reports whether a rule of pass is enabled.
func anyEnabled(pass string) bool {
	for _, id := range rules.RuleIDs(pass) {
		if checks.Enabled(id) {
			return true
		}
	}
	return false
}

// gcPercent is the standalone command's GOGC when the environment sets
// none. The driver keeps little alive (one package's syntax and
// information per worker, the types and facts importers still need: 57
// MiB peak over a 200k-line corpus at Go's default of 100), so collecting
// a quarter as often costs little memory (95 MiB there, under staticcheck's
// 220 MiB) and saves about a fifth of the CPU time.
const gcPercent = 300

// tuneGC applies gcPercent unless GOGC is set.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
}

// startProfile starts a CPU profile into file, if any; stop ends it.
func startProfile(file string) (stop func(), err error) {
	if file == "" {
		return func() {}, nil
	}
	f, err := os.Create(file)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// writeHeapProfile writes a heap profile into file, if any.
func writeHeapProfile(file string) error {
	if file == "" {
		return nil
	}
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	defer f.Close()
	runtime.GC()
	return pprof.WriteHeapProfile(f)
}

// oneLine keeps the first line of msg.
func oneLine(msg string) string {
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		return msg[:i]
	}
	return msg
}
