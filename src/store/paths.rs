//! One real file behind every path: a workspace reached through a symlink is the file
//! the link points at, so its lock, its backups and its saves are that file's; and an
//! output path is checked before anything is written to it.

use std::{
    fs, io,
    path::{Component, Path, PathBuf},
};

use super::{backups, error::StoreError, lock};

/// Links followed before giving up, as the kernel does (`ELOOP`).
const MAX_LINKS: usize = 40;

/// The real file behind `path`: every symlink followed (also a dangling one, whose
/// target is where the file will be created) and the folder made absolute, so that
/// two paths to one file give one answer.
pub fn resolve(path: &Path) -> io::Result<PathBuf> {
    let mut current = std::path::absolute(path)?;
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = fs::read_link(&current)?;
                current = match current.parent() {
                    Some(parent) if target.is_relative() => parent.join(target),
                    _ => target,
                };
            }
            _ => return Ok(canonical_folder(&current)),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::InvalidInput,
        "too many symbolic links",
    ))
}

/// `path` with its folder canonicalised (symlinks in it followed, `..` removed) when
/// the folder exists; the file name is kept as it is.
fn canonical_folder(path: &Path) -> PathBuf {
    match (path.parent(), path.file_name()) {
        (Some(parent), Some(name)) => fs::canonicalize(parent)
            .map_or_else(|_| lexically_normal(path), |folder| folder.join(name)),
        _ => lexically_normal(path),
    }
}

fn lexically_normal(path: &Path) -> PathBuf {
    let mut normal = PathBuf::new();
    for component in path.components() {
        match component {
            Component::ParentDir => {
                normal.pop();
            }
            Component::CurDir => {}
            other => normal.push(other),
        }
    }
    normal
}

/// Why an output path is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    Workspace,
    Backup,
    Folder,
    NotRegular,
    Link,
}

impl Refusal {
    pub fn reason(self) -> &'static str {
        match self {
            Refusal::Workspace => "it is the workspace itself, which the export would replace",
            Refusal::Backup => {
                "it is one of the copies Smallprint keeps of the workspace (a backup), which an export must not replace"
            }
            Refusal::Folder => "it is a folder",
            Refusal::NotRegular => {
                "it is not a regular file (a device, a pipe or a socket), so a file written there would not be kept"
            }
            Refusal::Link => {
                "it is a link to another file, and a page for the public is never written through a link (it could make a private file readable by everyone): remove the link, or write to the file it points to"
            }
        }
    }
}

/// [`check_output`] for a page the public will read: not through a symbolic link either,
/// since the page is made readable by everyone and whatever a link points to would be.
pub fn check_public_output(out: &Path, workspace: &Path) -> Result<PathBuf, StoreError> {
    // The workspace's own refusals first: they say more than "a link".
    let real = check_output(out, workspace)?;
    if fs::symlink_metadata(out).is_ok_and(|meta| meta.file_type().is_symlink()) {
        return Err(StoreError::OutputRefused {
            path: out.to_owned(),
            reason: Refusal::Link.reason(),
        });
    }
    Ok(real)
}

/// The real path an export of `workspace` may write to, or why it may not: it must
/// not be the workspace (after symlinks), its lock, anything in its backups folder, or
/// anything that exists and is not a regular file.
pub fn check_output(out: &Path, workspace: &Path) -> Result<PathBuf, StoreError> {
    let refuse = |refusal: Refusal| StoreError::OutputRefused {
        path: out.to_owned(),
        reason: refusal.reason(),
    };
    let io_error = |source| StoreError::Write {
        path: out.to_owned(),
        source,
    };
    let real_out = resolve(out).map_err(io_error)?;
    let real_workspace = resolve(workspace).map_err(io_error)?;
    if real_out == real_workspace || same_file(&real_out, &real_workspace) {
        return Err(refuse(Refusal::Workspace));
    }
    if real_out == lock::lock_path_for(&real_workspace) {
        return Err(refuse(Refusal::Workspace));
    }
    if real_out.starts_with(backups::backup_dir(&real_workspace))
        || is_copy_beside(&real_out, &real_workspace)
    {
        return Err(refuse(Refusal::Backup));
    }
    match fs::metadata(&real_out) {
        Ok(meta) if meta.is_dir() => Err(refuse(Refusal::Folder)),
        Ok(meta) if !meta.is_file() => Err(refuse(Refusal::NotRegular)),
        Ok(_) => Ok(real_out),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(real_out),
        Err(source) => Err(io_error(source)),
    }
}

/// True for the copies kept beside the workspace itself: an unreadable file set aside
/// (`workspace.unreadable-…`) or edits kept when a window closed (`workspace.unsaved-…`).
fn is_copy_beside(out: &Path, workspace: &Path) -> bool {
    let stem = workspace
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned());
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned());
    match (stem, name) {
        (Some(stem), Some(name)) if out.parent() == workspace.parent() => {
            name.starts_with(&format!("{stem}.unreadable-"))
                || name.starts_with(&format!("{stem}.unsaved-"))
        }
        _ => false,
    }
}

/// True when both paths exist and are the same file (a hard link, another mount).
pub(super) fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (fs::metadata(a), fs::metadata(b)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (a, b);
        false
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn chains_of_links_relative_and_absolute_resolve_to_the_real_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let real_dir = fs::canonicalize(dir.path()).expect("canonical");
        let real = real_dir.join("real.json");
        super::super::atomic::write_durably(&real, b"{}").expect("write");
        symlink("real.json", real_dir.join("one.json")).expect("link");
        symlink(real_dir.join("one.json"), real_dir.join("two.json")).expect("link");
        assert_eq!(resolve(&real_dir.join("two.json")).expect("resolves"), real);
        assert_eq!(
            resolve(&real_dir.join("sub/../real.json")).expect("resolves"),
            real
        );
    }

    #[test]
    fn a_loop_of_links_is_an_error_not_a_hang() {
        let dir = tempfile::tempdir().expect("tempdir");
        symlink("b", dir.path().join("a")).expect("link");
        symlink("a", dir.path().join("b")).expect("link");
        assert!(resolve(&dir.path().join("a")).is_err());
    }

    #[test]
    fn outputs_beside_the_workspace_are_allowed_and_its_lock_is_not() {
        let dir = tempfile::tempdir().expect("tempdir");
        let workspace = dir.path().join("workspace.json");
        super::super::atomic::write_durably(&workspace, b"{}").expect("write");
        assert!(check_output(&dir.path().join("register.csv"), &workspace).is_ok());
        assert!(check_output(&lock::lock_path_for(&workspace), &workspace).is_err());
        for copy in [
            "workspace.unreadable-1.json",
            "workspace.unsaved-20261123.json",
        ] {
            assert!(
                check_output(&dir.path().join(copy), &workspace).is_err(),
                "{copy}"
            );
        }
        assert!(check_output(&dir.path().join("workspace.csv"), &workspace).is_ok());
        let hard = dir.path().join("hard.csv");
        fs::hard_link(&workspace, &hard).expect("hard link");
        assert!(check_output(&hard, &workspace).is_err());
    }
}
