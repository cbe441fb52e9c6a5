from inspectx.cli import main

main()
