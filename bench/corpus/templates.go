package corpus

// The helper packages of a unit, as Go source. "@PKG@" is replaced by the
// package's name and "@MOD@" by the corpus module's path; "@UNIT@" by the
// unit's directory name.

// locksSource is the spin-lock wrapper package: it imports ndis and says
// what its wrappers do with //ndis:irql contracts.
const locksSource = `// Package @PKG@ wraps the NDIS spin lock for the unit's drivers: a Guard
// is a spin lock whose lock and unlock wrappers say what they do.
package @PKG@

import "github.com/ndislint/ndislint/ndis"

// Guard is an NDIS spin lock with wrappers.
type Guard struct {
	lock ndis.SpinLock
	held bool
}

// Init allocates the lock (NdisAllocateSpinLock).
func (g *Guard) Init() {
	ndis.AllocateSpinLock(&g.lock)
}

// Lock acquires the lock and returns at DISPATCH_LEVEL holding it.
//
//ndis:irql raises=DISPATCH_LEVEL
func (g *Guard) Lock() {
	ndis.AcquireSpinLock(&g.lock)
	g.held = true
}

// Unlock releases the lock and returns at the IRQL Lock found.
//
//ndis:irql restores=g
func (g *Guard) Unlock() {
	g.held = false
	ndis.ReleaseSpinLock(&g.lock)
}

// Held reports whether the lock is held; only the holder may ask.
func (g *Guard) Held() bool {
	return g.held
}

// Free frees the lock (NdisFreeSpinLock); it must not be held.
func (g *Guard) Free() {
	ndis.FreeSpinLock(&g.lock)
}
`

// timingSource is a helper package that sleeps: its callers must run below
// DISPATCH_LEVEL, which the irql pass learns from its summary.
const timingSource = `// Package @PKG@ waits for the line, at PASSIVE_LEVEL.
package @PKG@

import "github.com/ndislint/ndislint/ndis"

// SettleMicroseconds is how long Settle waits.
const SettleMicroseconds = 100

// Settle waits for the line to settle (NdisMSleep, below DISPATCH_LEVEL).
func Settle() {
	ndis.MSleep(SettleMicroseconds)
}

// Backoff waits n rounds, each twice as long as the one before.
func Backoff(n int) {
	wait := uint32(SettleMicroseconds)
	for i := 0; i < n; i++ {
		ndis.MSleep(wait)
		wait *= 2
	}
}
`

// statsSource is a helper package that imports neither ndis nor wdm.
const statsSource = `// Package @PKG@ keeps histograms and moving averages of what the drivers
// see. It knows nothing of NDIS.
package @PKG@

// Buckets is the number of histogram buckets; bucket i counts values below
// 1<<(i+4), the last one everything above.
const Buckets = 12

// Histogram counts values in power-of-two buckets.
type Histogram struct {
	counts [Buckets]uint64
	total  uint64
	sum    uint64
	max    int
}

// Add counts v; a negative value counts as zero.
func (h *Histogram) Add(v int) {
	if v < 0 {
		v = 0
	}
	h.counts[bucket(v)]++
	h.total++
	h.sum += uint64(v)
	if v > h.max {
		h.max = v
	}
}

// bucket returns the bucket of v.
func bucket(v int) int {
	b := 0
	for limit := 16; b < Buckets-1 && v >= limit; limit <<= 1 {
		b++
	}
	return b
}

// Buckets returns a copy of the counts.
func (h *Histogram) Buckets() []uint64 {
	out := make([]uint64, Buckets)
	copy(out, h.counts[:])
	return out
}

// Mean returns the mean of the values added, 0 when there are none.
func (h *Histogram) Mean() float64 {
	if h.total == 0 {
		return 0
	}
	return float64(h.sum) / float64(h.total)
}

// Percentile returns the upper bound of the bucket that holds the p-th
// percentile (0 < p <= 100), or the largest value for the last bucket.
func (h *Histogram) Percentile(p float64) int {
	if h.total == 0 {
		return 0
	}
	want := uint64(p / 100 * float64(h.total))
	var seen uint64
	for i, c := range h.counts {
		seen += c
		if seen >= want && i < Buckets-1 {
			return 1 << (i + 4)
		}
	}
	return h.max
}

// Reset forgets every value.
func (h *Histogram) Reset() {
	*h = Histogram{}
}

// EWMA is an exponentially weighted moving average with weight 1/2^Shift.
type EWMA struct {
	Shift uint
	value int64
	init  bool
}

// Update folds v into the average and returns it.
func (e *EWMA) Update(v int64) int64 {
	if !e.init {
		e.value, e.init = v, true
		return v
	}
	e.value += (v - e.value) >> e.Shift
	return e.value
}

// Value returns the average.
func (e *EWMA) Value() int64 {
	return e.value
}
`

// wireSource is a helper package that imports neither ndis nor wdm.
const wireSource = `// Package @PKG@ encodes the drivers' diagnostics as type-length-value
// records with a checksum. It knows nothing of NDIS.
package @PKG@

import (
	"encoding/binary"
	"errors"
)

// Message is one diagnostics record.
type Message struct {
	Seq    uint32
	Kind   uint8
	Values []uint64
}

// ErrShort is returned for a record shorter than its header says.
var ErrShort = errors.New("short record")

// ErrChecksum is returned for a record whose checksum does not match.
var ErrChecksum = errors.New("bad checksum")

// headerSize is the size of a record's header: sequence, kind, count.
const headerSize = 4 + 1 + 2

// Encode returns m as a record: header, values, checksum.
func Encode(m Message) []byte {
	out := make([]byte, headerSize, headerSize+8*len(m.Values)+4)
	binary.LittleEndian.PutUint32(out[0:], m.Seq)
	out[4] = m.Kind
	binary.LittleEndian.PutUint16(out[5:], uint16(len(m.Values)))
	for _, v := range m.Values {
		out = binary.LittleEndian.AppendUint64(out, v)
	}
	return binary.LittleEndian.AppendUint32(out, Checksum(out))
}

// Decode parses a record Encode made.
func Decode(b []byte) (Message, error) {
	if len(b) < headerSize+4 {
		return Message{}, ErrShort
	}
	n := int(binary.LittleEndian.Uint16(b[5:]))
	end := headerSize + 8*n
	if len(b) < end+4 {
		return Message{}, ErrShort
	}
	if Checksum(b[:end]) != binary.LittleEndian.Uint32(b[end:]) {
		return Message{}, ErrChecksum
	}
	m := Message{Seq: binary.LittleEndian.Uint32(b), Kind: b[4], Values: make([]uint64, n)}
	for i := range m.Values {
		m.Values[i] = binary.LittleEndian.Uint64(b[headerSize+8*i:])
	}
	return m, nil
}

// Checksum is a Fletcher-32 checksum of b.
func Checksum(b []byte) uint32 {
	var s1, s2 uint32 = 0xffff, 0xffff
	for len(b) > 0 {
		n := len(b)
		if n > 359 {
			n = 359
		}
		for _, c := range b[:n] {
			s1 += uint32(c)
			s2 += s1
		}
		s1 = (s1 & 0xffff) + (s1 >> 16)
		s2 = (s2 & 0xffff) + (s2 >> 16)
		b = b[n:]
	}
	s1 = (s1 & 0xffff) + (s1 >> 16)
	s2 = (s2 & 0xffff) + (s2 >> 16)
	return s2<<16 | s1
}
`

// telemetrySource is the file added to each driver copy: it uses the
// unit's helper packages, the lock wrapper among them.
const telemetrySource = `package @PKG@

import (
	"@MOD@/@UNIT@/locks"
	"@MOD@/@UNIT@/stats"
	"@MOD@/@UNIT@/timing"
	"@MOD@/@UNIT@/wire"
)

// telemetry counts the frames the driver handled, under its own lock.
type telemetry struct {
	guard locks.Guard
	sizes stats.Histogram
	rate  stats.EWMA
	seq   uint32
}

// tel is the driver's telemetry.
var tel = newTelemetry()

// newTelemetry allocates the telemetry's lock.
func newTelemetry() *telemetry {
	t := &telemetry{rate: stats.EWMA{Shift: 3}}
	t.guard.Init()
	return t
}

// RecordFrame counts a frame of n bytes.
func RecordFrame(n int) {
	tel.guard.Lock()
	tel.sizes.Add(n)
	tel.rate.Update(int64(n))
	tel.guard.Unlock()
}

// Snapshot encodes the counters for a diagnostics query; it lets the line
// settle first, so it runs at PASSIVE_LEVEL.
//
//ndis:irql max=PASSIVE_LEVEL
func Snapshot() []byte {
	timing.Settle()
	tel.guard.Lock()
	tel.seq++
	m := wire.Message{Seq: tel.seq, Kind: 1, Values: tel.sizes.Buckets()}
	tel.guard.Unlock()
	return wire.Encode(m)
}
`
