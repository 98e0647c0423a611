package dev.egretta.server;

import dev.egretta.core.internal.Folders;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.time.Instant;

/**
 * The temporary folder Jetty spools multipart uploads to, {@code egretta-uploads-<pid>-<random>} in
 * the system temp folder. A running server holds a lock on the folder's {@code .lock} file, so a
 * server that was killed leaves a folder nobody locks: the next server to start deletes such
 * folders of the same user, and never one a live server (in this or another process) still holds.
 * Folders of older versions, which had no lock, are deleted only after a day untouched.
 */
final class UploadCache implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(UploadCache.class.getName());
  static final String PREFIX = "egretta-uploads";
  static final String LOCK = ".lock";
  static final Duration UNLOCKED_LEGACY_AGE = Duration.ofDays(1);

  private final Path folder;
  private final FileChannel channel;
  private final FileLock lock;

  private UploadCache(Path folder, FileChannel channel, FileLock lock) {
    this.folder = folder;
    this.channel = channel;
    this.lock = lock;
  }

  /** Creates and locks a new upload folder in {@code tempRoot}, after deleting stale ones there. */
  static UploadCache create(Path tempRoot) throws IOException {
    Path folder = Files.createTempDirectory(tempRoot, PREFIX + "-" + ProcessHandle.current().pid() + "-");
    FileChannel channel = FileChannel.open(folder.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.lock();
    } catch (IOException | RuntimeException e) {
      channel.close();
      delete(folder);
      throw e;
    }
    UploadCache cache = new UploadCache(folder, channel, lock);
    cache.sweep(tempRoot);
    return cache;
  }

  /** Creates one in the system temp folder. */
  static UploadCache create() throws IOException {
    return create(Path.of(System.getProperty("java.io.tmpdir")));
  }

  Path path() {
    return folder;
  }

  /** Deletes the folders of servers that are gone; never fails the start. */
  private void sweep(Path tempRoot) {
    UserPrincipal me;
    try {
      me = Files.getOwner(folder);
    } catch (IOException | UnsupportedOperationException e) {
      return; // cannot tell whose folders they are: leave them
    }
    try (DirectoryStream<Path> candidates = Files.newDirectoryStream(tempRoot, PREFIX + "*")) {
      for (Path candidate : candidates) {
        if (!candidate.equals(folder) && Files.isDirectory(candidate, java.nio.file.LinkOption.NOFOLLOW_LINKS)
            && me.equals(Files.getOwner(candidate)) && stale(candidate)) {
          LOG.log(Level.INFO, "deleting the upload folder of a server that is gone: " + candidate);
          delete(candidate);
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.DEBUG, "could not sweep old upload folders: " + e);
    }
  }

  /** Stale when nobody holds its lock; an unlocked folder of an older version only after a day. */
  private static boolean stale(Path candidate) throws IOException {
    Path lockFile = candidate.resolve(LOCK);
    if (!Files.exists(lockFile, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      FileTime modified = Files.getLastModifiedTime(candidate);
      return modified.toInstant().isBefore(Instant.now().minus(UNLOCKED_LEGACY_AGE));
    }
    try (FileChannel other = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
      FileLock probe = other.tryLock();
      if (probe == null) {
        return false; // another process holds it
      }
      probe.release();
      return true;
    } catch (OverlappingFileLockException e) {
      return false; // a server in this JVM holds it
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "could not release " + folder + ": " + e.getMessage());
    }
    delete(folder);
  }

  private static void delete(Path folder) {
    Folders.deleteTree(folder, Level.DEBUG);
  }
}
