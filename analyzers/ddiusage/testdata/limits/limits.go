package limits

import "github.com/ndislint/ndislint/ndis"

const tag = 0x3176644e // 'Ndv1'

func stall(us uint32) {
	ndis.StallExecution(500) // want `NdisStallExecution's MicroSecondsToStall is 500; its page requires it at most 50`
	ndis.StallExecution(50)  // clean: the bound itself
	ndis.StallExecution(us)  // clean: not a constant
}

func alloc(h ndis.Handle) {
	_ = ndis.AllocateMemoryWithTagPriority(h, 64, 0, ndis.NormalPoolPriority) // want `NdisAllocateMemoryWithTagPriority's Tag is 0; its page requires it nonzero`
	_ = ndis.AllocateMemoryWithTagPriority(h, 64, tag, ndis.NormalPoolPriority)
}
