//! The macro behind every enum with stable codes.

/// Defines a field-less enum whose variants have stable codes: `ALL` (in order), `code`,
/// `from_code`, and `Display` printing the code. The one place these are written.
macro_rules! coded_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident { $( $(#[$vmeta:meta])* $variant:ident => $code:literal, )+ }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $( $(#[$vmeta])* $variant, )+ }

        impl $name {
            /// Every value, in order.
            ///
            #[doc = concat!("```\nlet all = ogi_report::", stringify!($name), "::ALL;\nassert!(all.windows(2).all(|w| w[0] < w[1]));\n```")]
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable code.
            ///
            #[doc = concat!("```\nfor v in ogi_report::", stringify!($name), "::ALL {\n    assert!(v.code().is_ascii());\n    assert_eq!(v.to_string(), v.code());\n}\n```")]
            #[must_use]
            pub const fn code(self) -> &'static str {
                match self { $($name::$variant => $code,)+ }
            }

            /// The value with this stable code, `None` for an unknown code.
            ///
            #[doc = concat!("```\nuse ogi_report::", stringify!($name), ";\nlet first = ", stringify!($name), "::ALL[0];\nassert_eq!(", stringify!($name), "::from_code(first.code()), Some(first));\nassert_eq!(", stringify!($name), "::from_code(\"nope\"), None);\n```")]
            #[must_use]
            pub fn from_code(code: &str) -> Option<Self> {
                match code {
                    $($code => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}

pub(crate) use coded_enum;
