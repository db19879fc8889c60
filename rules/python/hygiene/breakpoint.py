import pdb


def handle(state):
    # ruleid: python.hygiene.breakpoint
    breakpoint()
    # ruleid: python.hygiene.breakpoint
    pdb.set_trace()
    # ok: python.hygiene.breakpoint
    debugger.set_trace_level(state)
    # ok: python.hygiene.breakpoint
    set_breakpoint(state)
