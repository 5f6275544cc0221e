from trialfinder.app import main

raise SystemExit(main())
