package ndissim

import (
	"fmt"

	"github.com/ndislint/ndislint/ndis"
)

// The miniport log file: a temporary file of the size NdisMCreateLog asked
// for, written as a circular byte stream.

// maxLogSize is the largest log file the simulated NDIS allocates (1 MiB);
// a larger Size is NDIS_STATUS_RESOURCES, as the page lets it be.
const maxLogSize = 1 << 20

// log6 is a log file NdisMCreateLog created.
type log6 struct {
	drv  *mp6Driver
	data []byte
	// pos is where the next write goes; wrapped is true once a write went
	// past the end.
	pos     int
	wrapped bool
}

// contents returns the log's bytes oldest first, as IOCTL_NDIS_GET_LOG_DATA
// would read them.
func (l *log6) contents() []byte {
	if !l.wrapped {
		return append([]byte(nil), l.data[:l.pos]...)
	}
	return append(append([]byte(nil), l.data[l.pos:]...), l.data[:l.pos]...)
}

// MCreateLog runs NdisMCreateLog in the simulated NDIS. A driver has at
// most one log file: once a call succeeded, another fails
// (NDIS_STATUS_FAILURE); a Size of 0 or above maxLogSize cannot be
// allocated (NDIS_STATUS_RESOURCES).
func (w *world) MCreateLog(miniportAdapterHandle ndis.Handle, size uint32, logHandle *ndis.Handle) ndis.Status {
	const ddi = "NdisMCreateLog"
	defer w.st.EnterDDI(ddi, args(miniportAdapterHandle, size, "LogHandle"))()
	a := w.adapter6Arg(ddi, "MiniportAdapterHandle", miniportAdapterHandle)
	if a == nil || !w.needPtr(ddi, "LogHandle", logHandle == nil) {
		return ndis.StatusFailure
	}
	x := w.extras()
	for _, l := range x.logs {
		if l.drv == a.drv {
			return ndis.StatusFailure
		}
	}
	if size == 0 || size > maxLogSize {
		return ndis.StatusResources
	}
	h := w.newResourceHandle(ddi, fmt.Sprintf("log file of %d bytes", size))
	x.logs[h] = &log6{drv: a.drv, data: make([]byte, size)}
	*logHandle = h
	return ndis.StatusSuccess
}

// MCloseLog runs NdisMCloseLog in the simulated NDIS: the log file is
// released, and the driver may create another.
func (w *world) MCloseLog(logHandle ndis.Handle) {
	const ddi = "NdisMCloseLog"
	defer w.st.EnterDDI(ddi, args(describeResource(logHandle)))()
	if _, ok := liveResource(w, ddi, "LogHandle", logHandle, w.extras().logs); !ok {
		return
	}
	h := logHandle.(*resourceHandle)
	w.release(h, ddi, "LogHandle")
	delete(w.extras().logs, h)
}

// MFlushLog runs NdisMFlushLog in the simulated NDIS: the position goes
// back to the start of the file, which is empty again.
func (w *world) MFlushLog(logHandle ndis.Handle) {
	const ddi = "NdisMFlushLog"
	defer w.st.EnterDDI(ddi, args(describeResource(logHandle)))()
	if l, ok := liveResource(w, ddi, "LogHandle", logHandle, w.extras().logs); ok {
		l.pos, l.wrapped = 0, false
	}
}

// MWriteLogData runs NdisMWriteLogData in the simulated NDIS: the bytes go
// into the circular log, overwriting the oldest; more bytes than the file
// holds are NDIS_STATUS_BUFFER_OVERFLOW, the page's only failure, which a
// dead handle or a short buffer also returns (nothing was copied).
func (w *world) MWriteLogData(logHandle ndis.Handle, logBuffer []byte, logBufferSize uint32) ndis.Status {
	const ddi = "NdisMWriteLogData"
	defer w.st.EnterDDI(ddi, args(describeResource(logHandle), "LogBuffer", logBufferSize))()
	l, ok := liveResource(w, ddi, "LogHandle", logHandle, w.extras().logs)
	if !ok || w.shortBuffer(ddi, logBuffer, logBufferSize) {
		return ndis.StatusBufferOverflow
	}
	if int(logBufferSize) > len(l.data) {
		return ndis.StatusBufferOverflow
	}
	for _, b := range logBuffer[:logBufferSize] {
		l.data[l.pos] = b
		l.pos++
		if l.pos == len(l.data) {
			l.pos, l.wrapped = 0, true
		}
	}
	return ndis.StatusSuccess
}
