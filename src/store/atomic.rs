//! Crash-safe, private file writes: a reader sees the old bytes or the new ones,
//! never a mixture, and nobody but the user can read either.

use std::{
    fs::{self, File, OpenOptions},
    io::{self, Write},
    path::Path,
};

/// The start of the name of every temporary sibling a save of `path` writes: the
/// process id, so an abandoned one can be told from one being written, then (see
/// [`write_durably`]) random letters, so nobody can guess the name and plant a link
/// there.
fn temp_prefix_for(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!(".{name}.saving-{}-", std::process::id())
}

/// True for the temporary files a save leaves behind when it is killed.
pub fn is_stale_temp_of(path: &Path, candidate: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    candidate
        .file_name()
        .is_some_and(|c| c.to_string_lossy().starts_with(&format!(".{name}.saving-")))
}

/// How old a temporary file must be before it is taken for abandoned even when a
/// process with the PID in its name is running: PIDs are reused, and no save takes
/// minutes.
const ABANDONED_AFTER: std::time::Duration = std::time::Duration::from_mins(10);

/// True when the temporary file `temp` is no longer being written: the process named
/// in it has gone, or it is older than any save takes. Called only by the lock's
/// holder, the one process that may be writing this workspace's files at all — the
/// PID and age are a second guard, for a writer outside the lock (an older build).
pub fn is_abandoned_temp(temp: &Path) -> bool {
    let pid = temp
        .file_name()
        .and_then(|name| name.to_str())
        .and_then(|name| name.rsplit_once(".saving-"))
        // `PID-random` since temp names became unpredictable; `PID` before.
        .and_then(|(_, rest)| rest.split('-').next()?.parse::<u32>().ok());
    let Some(pid) = pid else {
        return false;
    };
    let old = fs::symlink_metadata(temp)
        .and_then(|meta| meta.modified())
        .ok()
        .and_then(|modified| modified.elapsed().ok())
        .is_some_and(|age| age > ABANDONED_AFTER);
    old || pid == std::process::id() || !process_is_running(pid)
}

/// Whether a process with this PID exists. Only Linux answers without unsafe code
/// (`/proc`); elsewhere every process is taken to be running and the age decides.
fn process_is_running(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new("/proc").join(pid.to_string()).exists()
    } else {
        true
    }
}

/// Creates (or truncates) a file readable and writable by its owner only.
pub fn create_private(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let file = options.open(path)?;
    // `mode` only applies to new files; a leftover file keeps its old mode otherwise.
    make_private(path)?;
    Ok(file)
}

/// Sets a file to 0600 (a folder to 0700) on Unix; elsewhere the user's profile
/// folder already keeps it private.
pub fn make_private(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = if path.is_dir() { 0o700 } else { 0o600 };
        fs::set_permissions(path, fs::Permissions::from_mode(mode))?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// Creates a folder and any missing parents, each private (0700 on Unix); folders
/// that already exist are left as they are.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    if !dir.is_dir() {
        let mut builder = fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::DirBuilderExt;
            builder.mode(0o700);
        }
        builder.create(dir)?;
        // The mode passes through the umask; a stricter one is fine, this makes sure.
        make_private(dir)?;
    }
    Ok(())
}

/// Makes a rename in `dir` durable: without this a power cut can forget it.
fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

fn parent_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// Serialised bytes → temp file in the same folder → fsync → rename → fsync the folder.
pub fn write_durably(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomically(path, bytes, true, || Ok(()))
}

/// [`write_durably`], asking `before_rename` last, immediately before the new bytes
/// replace the file: an error there (another program changed the file meanwhile)
/// leaves the file as it is and the temp file removed.
pub fn write_durably_checked(
    path: &Path,
    bytes: &[u8],
    before_rename: impl FnOnce() -> io::Result<()>,
) -> io::Result<()> {
    write_atomically(path, bytes, true, before_rename)
}

/// Like [`write_durably`] but leaves flushing to the OS: still all-or-nothing if the
/// process dies, for copies whose loss in a power cut costs nothing irreplaceable.
pub fn write_atomically_unsynced(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomically(path, bytes, false, || Ok(()))
}

/// Writes every one of `files` readable by everyone (0644 on Unix: pages a web server
/// serves after `rsync -a` or `scp -p`, writable by the user alone), all or none: each is written and flushed to a temp file beside its place first, and only
/// once all are does any replace its file. A failure before then (a full disk, a folder
/// that refuses) leaves every file as it was and no temp file behind.
pub fn write_all_durably_public(files: &[(&Path, &[u8])]) -> io::Result<()> {
    let mut ready = Vec::with_capacity(files.len());
    for (path, bytes) in files {
        let mut temp = tempfile::Builder::new()
            .prefix(&temp_prefix_for(path))
            .rand_bytes(10)
            .tempfile_in(parent_of(path))?;
        temp.as_file_mut().write_all(bytes)?;
        temp.as_file().sync_all()?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            temp.as_file()
                .set_permissions(fs::Permissions::from_mode(0o644))?;
        }
        ready.push((temp, *path));
    }
    for (temp, path) in ready {
        temp.persist(path).map_err(|e| e.error)?;
        sync_dir(parent_of(path))?;
    }
    Ok(())
}

/// The temp file is created exclusively under a name with random letters (never
/// through a link someone planted, never a file that was already there), private from
/// its first byte (tempfile makes it 0600), and removed if anything fails before the rename.
fn write_atomically(
    path: &Path,
    bytes: &[u8],
    durable: bool,
    before_rename: impl FnOnce() -> io::Result<()>,
) -> io::Result<()> {
    let mut temp = tempfile::Builder::new()
        .prefix(&temp_prefix_for(path))
        .rand_bytes(10)
        .tempfile_in(parent_of(path))?;
    temp.as_file_mut().write_all(bytes)?;
    if durable {
        temp.as_file().sync_all()?;
    }
    before_rename()?;
    temp.persist(path).map_err(|e| e.error)?;
    if durable {
        sync_dir(parent_of(path))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn temp_named(path: &Path, tail: &str) -> PathBuf {
        path.with_file_name(format!("{}{tail}", temp_prefix_for(path)))
    }

    #[test]
    fn writes_replace_the_file_and_leave_no_temp() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("workspace.json");
        write_durably(&path, b"first").expect("write");
        write_durably(&path, b"second").expect("write");
        assert_eq!(fs::read(&path).expect("read"), b"second");
        let names: Vec<_> = fs::read_dir(dir.path()).expect("list").collect();
        assert_eq!(names.len(), 1);
        assert!(is_stale_temp_of(&path, &temp_named(&path, "a1B2c3")));
        assert!(!is_stale_temp_of(&path, &path));
    }

    #[test]
    fn a_refusal_before_the_rename_leaves_the_file_and_no_temp() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("workspace.json");
        write_durably(&path, b"first").expect("write");
        let refused = write_durably_checked(&path, b"second", || {
            Err(io::Error::other("changed meanwhile"))
        });
        assert!(refused.is_err());
        assert_eq!(fs::read(&path).expect("read"), b"first");
        assert_eq!(fs::read_dir(dir.path()).expect("list").count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_temp_of_a_running_process_is_kept_and_one_of_a_gone_process_is_not() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut child = std::process::Command::new("sleep")
            .arg("30")
            .spawn()
            .expect("a running process");
        let live = dir
            .path()
            .join(format!(".workspace.json.saving-{}-Xy12abQ", child.id()));
        write_durably(&live, b"x").expect("write");
        // Both the current names (PID-random) and an older build's (PID).
        let gone = dir.path().join(".workspace.json.saving-4194300-Xy12abQ");
        write_durably(&gone, b"x").expect("write");
        let gone_old_style = dir.path().join(".workspace.json.saving-4194301");
        write_durably(&gone_old_style, b"x").expect("write");
        let live_abandoned = is_abandoned_temp(&live);
        let _ = child.kill();
        let _ = child.wait();
        if cfg!(target_os = "linux") {
            assert!(!live_abandoned);
            assert!(is_abandoned_temp(&gone));
            assert!(is_abandoned_temp(&gone_old_style));
        }
        assert!(!is_abandoned_temp(&dir.path().join("workspace.json")));
    }

    #[cfg(unix)]
    #[test]
    fn files_are_private_even_over_a_public_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("workspace.json");
        File::create(&path)
            .and_then(|mut f| f.write_all(b"public"))
            .expect("leftover");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).expect("chmod");
        write_durably(&path, b"data").expect("write");
        let mode = fs::metadata(&path).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    /// Another local user who can write to a shared folder plants links at the names
    /// an older build used for its temp files: a save must never write through them.
    #[cfg(unix)]
    #[test]
    fn a_link_planted_at_a_temp_name_is_never_written_through() {
        let dir = tempfile::tempdir().expect("tempdir");
        let victim = dir.path().join("victim.txt");
        File::create(&victim)
            .and_then(|mut f| f.write_all(b"the victim's own file"))
            .expect("victim");
        let path = dir.path().join("workspace.json");
        for name in [
            format!(".workspace.json.saving-{}", std::process::id()),
            format!(".workspace.json.saving-{}-", std::process::id()),
        ] {
            std::os::unix::fs::symlink(&victim, dir.path().join(name)).expect("plant");
        }
        write_durably(&path, b"saved").expect("write");
        assert_eq!(fs::read(&victim).expect("read"), b"the victim's own file");
        assert_eq!(fs::read(&path).expect("read"), b"saved");
    }
}
