// broadsheet: YAML descriptions of trade-union achievements → newspaper pages.
#include "app/cli/cli.h"

int main(int argc, char** argv) { return app::run({argv + 1, argv + argc}); }
