#ifndef CTHREADS_H
#define CTHREADS_H

/// The processor the calling thread runs on now, or -1 where that cannot be told.
int cthreads_current_cpu(void);

/// Moves the calling thread to another processor than `cpu`, when it may run on another, and
/// leaves it free afterwards to run wherever it could before (see `WorkerPool` for why).
/// Does nothing where the system has no processor affinity (macOS).
void cthreads_leave_cpu(int cpu);

/// How many processors the calling thread may run on, or -1 where that cannot be told.
int cthreads_allowed_cpu_count(void);

#endif
