from trialfinder.app import run

run()
