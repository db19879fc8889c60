#include "cli/app.h"

int main(int argc, char** argv) { return rh::run_cli(argc, argv); }
