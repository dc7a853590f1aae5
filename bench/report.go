package main

import (
	"fmt"
	"os/exec"
	"runtime"
	"sort"
	"strings"
	"time"
)

// report is the outcome of a harness run.
type report struct {
	root    string
	cfg     config
	date    time.Time
	results []result
	vetWarm []vetWarm // with -vetwarm
}

// newReport starts a report.
func newReport(root string, cfg config) *report {
	return &report{root: root, cfg: cfg, date: time.Now().UTC()}
}

// defectsOK reports whether every check of ndislint's findings passed.
func (r *report) defectsOK() bool {
	for _, res := range r.results {
		if res.check != nil && !res.check.OK() {
			return false
		}
	}
	return true
}

// columnNames are the tools' column headings.
var columnNames = map[string]string{
	"ndislint":    "ndislint",
	"noop":        "no-op multichecker (inspect only)",
	"govet":       "go vet",
	"staticcheck": "staticcheck " + staticcheckVersion,
}

// markdown renders the report: a heading line, the table of medians, the
// ratios, and how it was run.
func (r *report) markdown() string {
	var b strings.Builder
	if r.cfg.vetWarm {
		b.WriteString(vetWarmMarkdown(r.vetWarm, r.cfg.rounds))
		fmt.Fprintf(&b, "\nCommand: `go run ./bench %s`\n", r.command())
		return b.String()
	}
	fmt.Fprintf(&b, "Measured %s on %s/%s, %d CPUs, %s, ndislint at %s; median of %d round(s), each cell wall time, CPU (user+sys), peak RSS.\n\n",
		r.date.Format("2006-01-02"), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.Version(), r.revision(), r.cfg.rounds)
	r.writeTable(&b)
	b.WriteString("\n")
	r.writeRatios(&b)
	fmt.Fprintf(&b, "\nCommand: `go run ./bench %s`\n", r.command())
	return b.String()
}

// writeTable writes one row per size, one column per tool.
func (r *report) writeTable(b *strings.Builder) {
	b.WriteString("| lines |")
	for _, t := range r.cfg.tools {
		fmt.Fprintf(b, " %s |", columnNames[t])
	}
	b.WriteString("\n| --- |")
	for range r.cfg.tools {
		b.WriteString(" --- |")
	}
	b.WriteString("\n")
	for _, res := range r.results {
		fmt.Fprintf(b, "| %s |", res.rowLabel())
		for _, t := range r.cfg.tools {
			m := median(res.runs[t])
			fmt.Fprintf(b, " %.2f s, %.2f s CPU, %s |", m.Wall.Seconds(), m.CPU.Seconds(), formatBytes(m.PeakRSS))
		}
		b.WriteString("\n")
	}
}

// writeRatios writes the ratios the goals name, for the tools that
// ran.
func (r *report) writeRatios(b *strings.Builder) {
	b.WriteString("| lines | ndislint/noop time (goal <= 1.3; std: 1.5) | ndislint/noop peak RSS | ndislint/staticcheck peak RSS (goal <= 1 at 200k) | ndislint ms/KLOC (vs first size; goal +-20%) | noop ms/KLOC | seeded defects expected/found |\n")
	b.WriteString("| --- | --- | --- | --- | --- | --- | --- |\n")
	var base float64
	for _, res := range r.results {
		nd, hasND := res.median("ndislint")
		noop, hasNoop := res.median("noop")
		sc, hasSC := res.median("staticcheck")
		cells := []string{res.rowLabel(), "-", "-", "-", "-", "-", "-"}
		if hasND && hasNoop {
			cells[1] = ratio(nd.Wall.Seconds(), noop.Wall.Seconds())
			cells[2] = ratio(float64(nd.PeakRSS), float64(noop.PeakRSS))
		}
		if hasND && hasSC {
			cells[3] = ratio(float64(nd.PeakRSS), float64(sc.PeakRSS))
		}
		if hasND && res.lines > 0 {
			per := msPerKLOC(nd.Wall, res.lines)
			if base == 0 {
				base = per
			}
			cells[4] = fmt.Sprintf("%.1f (%s)", per, ratio(per, base))
		}
		if hasNoop && res.lines > 0 {
			cells[5] = fmt.Sprintf("%.1f", msPerKLOC(noop.Wall, res.lines))
		}
		if res.check != nil {
			cells[6] = res.check.String()
		}
		fmt.Fprintf(b, "| %s |\n", strings.Join(cells, " | "))
	}
}

// command renders the flags that reproduce the run.
func (r *report) command() string {
	if r.cfg.std {
		return fmt.Sprintf("-std -rounds %d", r.cfg.rounds)
	}
	if r.cfg.vetWarm {
		var labels []string
		for _, s := range r.cfg.sizes {
			labels = append(labels, s.label)
		}
		return fmt.Sprintf("-vetwarm -sizes %s -rounds %d", strings.Join(labels, ","), r.cfg.rounds)
	}
	var labels []string
	for _, s := range r.cfg.sizes {
		labels = append(labels, s.label)
	}
	return fmt.Sprintf("-sizes %s -rounds %d -tools %s", strings.Join(labels, ","), r.cfg.rounds, strings.Join(r.cfg.tools, ","))
}

// revision returns the repository's commit, marked when the tree has
// uncommitted changes, or "unknown".
func (r *report) revision() string {
	out, err := exec.Command("git", "-C", r.root, "rev-parse", "--short", "HEAD").Output()
	if err != nil {
		return "unknown"
	}
	rev := strings.TrimSpace(string(out))
	if st, err := exec.Command("git", "-C", r.root, "status", "--porcelain", "--untracked-files=no").Output(); err == nil && len(st) > 0 {
		rev += " (with uncommitted changes)"
	}
	return rev
}

// rowLabel is the first cell of a row: the size asked for and the lines
// generated.
func (res result) rowLabel() string {
	if res.lines == 0 {
		return res.label
	}
	return fmt.Sprintf("%s (%d)", res.label, res.lines)
}

// median returns the median measurement of tool, if it ran.
func (res result) median(tool string) (measurement, bool) {
	runs := res.runs[tool]
	return median(runs), len(runs) > 0
}

// median returns the median of each field separately (the lower middle
// for an even count).
func median(runs []measurement) measurement {
	if len(runs) == 0 {
		return measurement{}
	}
	pick := func(f func(measurement) int64) int64 {
		v := make([]int64, len(runs))
		for i, m := range runs {
			v[i] = f(m)
		}
		sort.Slice(v, func(i, j int) bool { return v[i] < v[j] })
		return v[(len(v)-1)/2]
	}
	return measurement{
		Wall:    time.Duration(pick(func(m measurement) int64 { return int64(m.Wall) })),
		CPU:     time.Duration(pick(func(m measurement) int64 { return int64(m.CPU) })),
		PeakRSS: pick(func(m measurement) int64 { return m.PeakRSS }),
	}
}

// ratio renders a/b with two decimals, or "-" when b is zero.
func ratio(a, b float64) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2fx", a/b)
}

// msPerKLOC is wall milliseconds per thousand lines.
func msPerKLOC(d time.Duration, lines int) float64 {
	return float64(d.Milliseconds()) / (float64(lines) / 1000)
}

// formatBytes renders a byte count in MiB or GiB.
func formatBytes(n int64) string {
	if n >= 1<<30 {
		return fmt.Sprintf("%.2f GiB", float64(n)/(1<<30))
	}
	return fmt.Sprintf("%.0f MiB", float64(n)/(1<<20))
}
