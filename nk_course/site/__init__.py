"""The built website: speed-ups applied after the build, the checks the tests and benchmark run
on it, the offline copy, and a local server with Chromium to look at it."""
