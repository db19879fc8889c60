# A program of its own (a main guard, like the kiosk and admin tools that print their progress):
# printing is its interface, so the whole file is left out.
import sys


def report(status_code):
    # ok: python.hygiene.print-call
    print(f"Response status code: {status_code}")


if __name__ == "__main__":
    # ok: python.hygiene.print-call
    print("usage: activate.py URL CODE", file=sys.stderr)
