import fs from 'node:fs';

/** Resident memory of a process in bytes (Linux /proc), or null when it is gone. */
export function residentBytes(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Samples a process's resident memory every `intervalMs` and keeps the peak. */
export function watchMemory(pid: number, intervalMs = 200) {
  let peak = residentBytes(pid) ?? 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, residentBytes(pid) ?? 0);
  }, intervalMs);
  timer.unref();
  return {
    now: () => residentBytes(pid) ?? 0,
    peak: () => Math.max(peak, residentBytes(pid) ?? 0),
    stop: () => clearInterval(timer),
  };
}
