from rapportextract.cli import main

raise SystemExit(main())
